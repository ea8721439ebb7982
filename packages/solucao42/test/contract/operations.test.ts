// Every operation of the spec × every status it documents, through the client, against the mock.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createSolucao42Client } from "../../src/index.js";

contractSuite({
  vendor: "solucao42",
  // Any token: the mock checks that a credential is there, not its value. No retries: one answer per status.
  client: () =>
    createSolucao42Client({
      baseUrl: mockUrl("solucao42"),
      auth: bearer("contract-test-token"),
      maxRetries: 0,
    }),
});
