// Every operation of the spec × every status it documents, through the client, against the mock. The flows
// that replace a generated method (createSource) keep its signature, so the spec's examples call them as is.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockClient } from "./support.js";

contractSuite({ vendor: "datagalaxy", client: () => mockClient() });
