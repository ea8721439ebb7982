// Datagrok in the fault matrix: its generated methods (a JSON read, a CSV download, a streamed CSV upload) and the
// callFunction flow over the same faults as the other clients. Every Datagrok call goes through the vendor's
// classifyResponse hook (the api-error header), which fetchAndRead runs before each read: a GET body that breaks
// off mid-way is read again, as for the other vendors (3 attempts).
import { bearer } from "@dataclients/auth";
import { ConnectionError, InvalidResponseError, RateLimitError, ServerError, TimeoutError } from "@dataclients/core";
import { createDatagrokClient } from "@dataclients/datagrok";
import { type MatrixClient, TIMEOUT_MS, TOKEN } from "./clients.js";
import { AUTHED, BODY_TIMEOUT, fails, MID_BODY, ok, rowsFor } from "./outcomes.js";
import { OK_BODY } from "./server.js";

const grok = (baseUrl: string) =>
  createDatagrokClient({ baseUrl, auth: bearer(TOKEN), timeout: TIMEOUT_MS, maxRetries: 2 });

/** A CSV body that can only be sent once: an async generator (what a Node Readable is to the client). */
async function* csv() {
  yield new TextEncoder().encode("region,sales\n");
  yield new TextEncoder().encode("North,1200\n");
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export const DATAGROK_CLIENTS = {
  datagrokGetCurrentUser: {
    name: "datagrok getCurrentUser() (generated, JSON object)",
    basePath: "/api",
    call: (baseUrl, { signal }) => grok(baseUrl).getCurrentUser({ signal }),
  },
  datagrokDownloadTable: {
    name: 'datagrok downloadTable("Demo:Sales").stream, read to the end (generated, Download)',
    basePath: "/api",
    // Read as a stream, as large tables are: a stalled body is the stream's idle timeout.
    call: async (baseUrl, { signal }) => readAll((await grok(baseUrl).downloadTable("Demo:Sales", { signal })).stream),
  },
  datagrokDownloadTableText: {
    name: 'datagrok downloadTable("Demo:Sales").text() (generated, Download read whole)',
    basePath: "/api",
    call: async (baseUrl, { signal }) => (await grok(baseUrl).downloadTable("Demo:Sales", { signal })).text(),
  },
  datagrokUploadTableStream: {
    name: 'datagrok uploadTable("Demo:Sales", <async iterable>) (generated, streamed body)',
    basePath: "/api",
    call: (baseUrl, { signal }) => grok(baseUrl).uploadTable("Demo:Sales", csv(), { signal }),
  },
  datagrokCallFunction: {
    name: 'datagrok callFunction("Samples:Sum", { a: 1, b: 2 }) (flow)',
    basePath: "/api",
    call: (baseUrl, { signal }) => grok(baseUrl).callFunction("Samples:Sum", { a: 1, b: 2 }, { signal }),
  },
} satisfies Record<string, MatrixClient>;

export type DatagrokClientKey = keyof typeof DATAGROK_CLIENTS;

const OK_TEXT = JSON.stringify(AUTHED);
const STREAM_IDLE = "timed out after 400 ms waiting for the next chunk of the response stream (status 200)";
const BEFORE_HEADERS = "the connection was closed or reset before a response arrived";

export const DATAGROK_ROWS = [
  ...rowsFor<DatagrokClientKey>("datagrokGetCurrentUser", [
    ["ok", ok(1, AUTHED)],
    ["reset-before-headers", fails(ConnectionError, BEFORE_HEADERS, 3)],
    ["burst-5xx", ok(3, OK_BODY)],
    ["429-retry-after-seconds", ok(2, OK_BODY)],
    ["429-bare", ok(2, OK_BODY)],
    // The api-error check runs inside the wrapper's fetchAndRead, so a GET whose body broke off is read again.
    ["reset-after-headers", fails(ConnectionError, MID_BODY, 3)],
    ["truncated", fails(ConnectionError, MID_BODY, 3)],
    ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 3)],
    ["invalid-json", fails(InvalidResponseError, "the body is not valid JSON", 1)],
    ["html", fails(InvalidResponseError, "JSON was expected and the body is text/html", 1)],
    ["wrong-type", fails(InvalidResponseError, "a JSON object was expected and it is null", 1)],
    ["empty", fails(InvalidResponseError, "the body is empty where JSON was expected", 1)],
    ["redirect-other-origin", ok(1, { ...OK_BODY, sawAuthorization: false })],
    ["redirect-file", fails(ConnectionError, "was redirected to a file: URL", 1)],
    ["header-echo", fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3)],
  ]),
  ...rowsFor<DatagrokClientKey>("datagrokDownloadTable", [
    ["ok", ok(1, OK_TEXT)],
    ["burst-5xx", ok(3, JSON.stringify(OK_BODY))],
    ["reset-before-headers", fails(ConnectionError, BEFORE_HEADERS, 3)],
    ["reset-after-headers", fails(ConnectionError, MID_BODY, 1)],
    ["stall-after-headers", fails(TimeoutError, STREAM_IDLE, 1)],
    ["truncated", fails(ConnectionError, MID_BODY, 1)],
    ["redirect-other-origin", ok(1, JSON.stringify({ ...OK_BODY, sawAuthorization: false }))],
  ]),
  ...rowsFor<DatagrokClientKey>("datagrokDownloadTableText", [
    ["ok", ok(1, OK_TEXT)],
    ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 1)],
    ["trickle", fails(TimeoutError, BODY_TIMEOUT, 1)],
  ]),
  ...rowsFor<DatagrokClientKey>("datagrokUploadTableStream", [
    ["ok", ok(1, AUTHED)],
    // A stream is sent once: no retry after a failure, whatever the fault.
    ["reset-before-headers", fails(ConnectionError, BEFORE_HEADERS, 1)],
    ["burst-5xx", fails(ServerError, "failed with 503 Service Unavailable: busy", 1)],
    ["429-retry-after-seconds", fails(RateLimitError, "failed with 429 Too Many Requests: slow down", 1)],
    ["redirect-other-origin", fails(ConnectionError, "a streamed request body is sent once and never replayed", 1)],
    ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 1)],
  ]),
  ...rowsFor<DatagrokClientKey>("datagrokCallFunction", [
    ["ok", ok(1, AUTHED)],
    ["burst-5xx", fails(ServerError, "failed with 503 Service Unavailable: busy", 1)],
    ["wrong-type", ok(1, null)],
    ["invalid-json", fails(InvalidResponseError, "the body is not valid JSON", 1)],
  ]),
];
