// Every operation of the spec × every status it documents, through the client, against the mock.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createDatagolClient } from "../../src/index.js";

contractSuite({
  vendor: "datagol",
  // Any token: the mock checks that a credential is there, not its value. No retries: one answer per status.
  client: () =>
    createDatagolClient({ baseUrl: mockUrl("datagol"), auth: bearer("contract-test-token"), maxRetries: 0 }),
});
