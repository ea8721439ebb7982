// Every operation of the spec × every status it documents, through the client, against the mock. The client
// authenticates the way the vendor documents (login → service-account token), so every call also runs that flow.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { createDatagolClient, type DatagolClient, datagolLogin, serviceAccount } from "../../src/index.js";

const WORKSPACE = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
const TABLE = "6a175502-6458-4314-b4c5-3c2f29626dea";

contractSuite<DatagolClient>({
  vendor: "datagol",
  // The mock checks that a credential is there, not its value. No retries: one answer per status.
  client: () =>
    createDatagolClient({
      baseUrl: mockUrl("datagol"),
      auth: serviceAccount({
        login: datagolLogin({ email: "sample_email@datagol.com", password: "UserPassword123" }),
        serviceAccountId: 283,
      }),
      maxRetries: 0,
    }),
  calls: {
    // The flow takes the SQL itself (the generated method took `{ value }`).
    executeQuery: (client, options) => client.executeQuery(WORKSPACE, TABLE, "SELECT * FROM table_6ec53cc4", options),
  },
});
