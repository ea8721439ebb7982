// DataGOL in the fault matrix: its clients (a GET through the generated method with the service token, and the
// executeQuery flow, a POST with a JWT) and the exact outcome of each fault.
import {
  ConnectionError,
  InvalidResponseError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from "@dataclients/core";
import { bearer, createDatagolClient, serviceToken } from "@dataclients/datagol";
import { type MatrixClient, TIMEOUT_MS, TOKEN } from "./clients.js";
import { BODY_TIMEOUT, fails, MID_BODY, type Outcome, ok, rowsFor } from "./outcomes.js";
import { type Fault, OK_BODY } from "./server.js";

const WORKSPACE = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
const TABLE = "6a175502-6458-4314-b4c5-3c2f29626dea";
const options = { timeout: TIMEOUT_MS, maxRetries: 2, maxResponseBytes: 1024 * 1024 };

export const DATAGOL_CLIENTS = {
  /** A generated GET with the service token (x-auth-token, which the fault server does not count as authorization). */
  datagolGetTable: {
    name: "datagol getTable() with serviceToken",
    call: (baseUrl, { signal }) =>
      createDatagolClient({ baseUrl, auth: serviceToken(TOKEN), ...options }).getTable(WORKSPACE, TABLE, { signal }),
  },
  /** The executeQuery flow: a POST (never retried once sent), with a user JWT in Authorization. */
  datagolExecuteQuery: {
    name: "datagol executeQuery() with a JWT",
    call: (baseUrl, { signal }) =>
      createDatagolClient({ baseUrl, auth: bearer(TOKEN), ...options }).executeQuery(
        WORKSPACE,
        TABLE,
        "SELECT * FROM table_6ec53cc4",
        { signal },
      ),
  },
} satisfies Record<string, MatrixClient>;

export type DatagolClientKey = keyof typeof DATAGOL_CLIENTS;

const NOT_JSON = "the body is not valid JSON";

const getTable: Array<[Fault, Outcome]> = [
  // The service token travels in x-auth-token, never in Authorization.
  ["ok", ok(1, { ...OK_BODY, sawAuthorization: false })],
  ["reset-before-headers", fails(ConnectionError, "before a response arrived", 3)],
  ["reset-after-headers", fails(ConnectionError, MID_BODY, 3)],
  ["truncated", fails(ConnectionError, MID_BODY, 3)],
  ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 3)],
  ["trickle", fails(TimeoutError, BODY_TIMEOUT, 3)],
  ["burst-5xx", ok(3, OK_BODY)],
  ["429-retry-after-seconds", ok(2, OK_BODY)],
  ["429-bare", ok(2, OK_BODY)],
  ["invalid-json", fails(InvalidResponseError, NOT_JSON, 1)],
  ["html", fails(InvalidResponseError, "the body is text/html", 1)],
  ["wrong-type", fails(InvalidResponseError, "a JSON object was expected and it is null", 1)],
  ["empty", fails(InvalidResponseError, "the body is empty", 1)],
  ["huge", fails(ResponseTooLargeError, "with a body larger than 1048576 bytes", 1)],
  ["redirect-other-origin", ok(1, { ...OK_BODY, sawAuthorization: false })],
  ["redirect-file", fails(ConnectionError, "was redirected to a file: URL", 1)],
  // The echoed x-auth-token is scrubbed from the error (the matrix checks that TOKEN appears nowhere).
  ["header-echo", fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3)],
];

const executeQuery: Array<[Fault, Outcome]> = [
  // The answer has no `rows`: the flow reads it as an empty result, keeping the other fields.
  ["ok", ok(1, { ...OK_BODY, sawAuthorization: true, rows: [] })],
  // A POST that may have reached the server is never sent twice.
  ["reset-before-headers", fails(ConnectionError, "before a response arrived", 1)],
  ["reset-after-headers", fails(ConnectionError, MID_BODY, 1)],
  ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 1)],
  ["burst-5xx", fails(ServerError, "failed with 503 Service Unavailable: busy", 1)],
  ["429-bare", fails(RateLimitError, "failed with 429 Too Many Requests: slow down", 1)],
  ["invalid-json", fails(InvalidResponseError, NOT_JSON, 1)],
  ["wrong-type", fails(InvalidResponseError, "a JSON object was expected and it is null", 1)],
  // No body at all: no rows (as the vendor's own sample reads it).
  ["empty", ok(1, { rows: [] })],
  // 302 after a POST becomes a GET, followed to the other origin without the credential.
  ["redirect-other-origin", ok(1, { ...OK_BODY, sawAuthorization: false, rows: [] })],
  ["header-echo", fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 1)],
];

export const DATAGOL_ROWS = [
  ...rowsFor<DatagolClientKey>("datagolGetTable", getTable),
  ...rowsFor<DatagolClientKey>("datagolExecuteQuery", executeQuery),
];
