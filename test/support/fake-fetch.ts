// An injected fetch standing in for a vendor's server in unit tests: it records every request exactly as sent
// (method, URL, the path after the vendor's base path with its percent-encoding kept, headers, the body as bytes
// and as text, a multipart body parsed, and the fetch init the client passed) and answers from a handler, so tests
// assert the wire format without a server or Prism. Each vendor's fake adds its base path, constants and builders.

export interface SentRequest {
  method: string;
  url: URL;
  /** The path after the vendor's base path, still percent-encoded as sent. */
  path: string;
  headers: Headers;
  /** The body as text (empty without one). */
  body: string;
  /** The body bytes as they arrived. */
  bytes: Uint8Array;
  /** A multipart/form-data body, parsed. */
  formData: FormData | undefined;
  /** The fetch init the client passed (duplex, redirect, and the body object itself). */
  init: RequestInit & { duplex?: string };
  /** Whether the body was handed to fetch as a stream. */
  streamed: boolean;
}

export type FakeHandler = (request: SentRequest, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  requests: SentRequest[];
  /** The requests to one path (query excluded). */
  to(path: string): SentRequest[];
}

/** A recording fetch answering from `handler`; `basePath` ("/api/v4") is cut from each request's `path`. */
export function fakeFetch(handler: FakeHandler, { basePath = "" }: { basePath?: string } = {}): FakeFetch {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init: RequestInit = {}): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array(0);
    const contentType = request.headers.get("content-type") ?? "";
    const formData = contentType.startsWith("multipart/form-data")
      ? await new Response(bytes, { headers: { "content-type": contentType } }).formData()
      : undefined;
    const sent: SentRequest = {
      method: request.method,
      url,
      path: basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname,
      headers: request.headers,
      body: new TextDecoder().decode(bytes),
      bytes,
      formData,
      init: init as SentRequest["init"],
      streamed: init.body instanceof ReadableStream,
    };
    requests.push(sent);
    return handler(sent, requests.length - 1);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    to: (path) => requests.filter((request) => request.path === path),
  };
}

/** A JSON answer (Content-Type application/json unless `init` names one). */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** A text answer (Content-Type text/plain unless `init` names one). */
export function text(body: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "text/plain; charset=utf-8");
  return new Response(body, { ...init, headers });
}
