// A fetch double for unit tests: records every request the wrapper sends and answers from a handler.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The body as text ("" when there was none). */
  body: string;
  /** The body's raw bytes (empty when there was none). */
  bytes: Uint8Array;
  signal: AbortSignal | undefined;
}

export type Handler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export interface RecordingFetch {
  fetch: typeof globalThis.fetch;
  requests: RecordedRequest[];
}

/** A fetch that records each call and answers with `handler(request, index)` (index is 0-based). */
export function recordingFetch(handler: Handler = () => new Response("{}")): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: new Headers(init?.headers ?? request.headers),
      body: new TextDecoder().decode(bytes),
      bytes,
      signal: init?.signal ?? undefined,
    };
    requests.push(recorded);
    return handler(recorded, requests.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** JSON response helper. */
export { json } from "../../../../../test/support/fake-fetch.js";

/** A fetch that never answers and rejects the way fetch does when its signal aborts. */
export function hangingFetch(onCall?: (init: RequestInit | undefined) => void): typeof globalThis.fetch {
  return ((_input: Request | string | URL, init?: RequestInit) => {
    onCall?.(init);
    return new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  }) as typeof globalThis.fetch;
}

export interface ServerRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  requests: ServerRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with a free port; `handle` writes the answer. */
export async function startServer(
  handle: (request: ServerRequest, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: ServerRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      handle(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
