// Every operation of the spec × every status it documents, through the client, against the mock.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createDatagalaxyClient } from "../../src/index.js";

contractSuite({
  vendor: "datagalaxy",
  // Any token: the mock checks that a credential is there, not its value. No retries: one answer per status.
  client: () =>
    createDatagalaxyClient({ baseUrl: mockUrl("datagalaxy"), auth: bearer("contract-test-token"), maxRetries: 0 }),
});
