// An injected fetch standing in for a Datagrok server: it records every request exactly as sent (the raw path,
// headers, the body as it arrived, and the fetch init the client passed: duplex, redirect, body type) and answers
// from a handler, so unit tests assert the wire format without a server or Prism.
import { bearer, createDatagrokClient, type DatagrokClientOptions } from "../../src/index.js";

export const BASE_URL = "https://grok.example.com/api";
export const API_KEY = "grok-API-KEY-0123456789";

export interface SentRequest {
  method: string;
  /** The path after /api, percent-encoding kept as sent. */
  path: string;
  url: URL;
  headers: Headers;
  /** The body bytes as they arrived. */
  body: Uint8Array;
  /** The fetch init the client passed (duplex, redirect, and the body object itself). */
  init: RequestInit & { duplex?: string };
  /** Whether the body arrived as a stream (a ReadableStream handed to fetch). */
  streamed: boolean;
}

export type FakeHandler = (request: SentRequest, index: number) => Response | Promise<Response>;

export function fakeDatagrok(handler: FakeHandler = () => json({})) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const raw = init.body;
    const request = new Request(url, init);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array(0);
    const sent: SentRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/api/, ""),
      url,
      headers: request.headers,
      body,
      init: init as SentRequest["init"],
      streamed: raw instanceof ReadableStream,
    };
    requests.push(sent);
    return handler(sent, requests.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function text(body: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "text/plain; charset=utf-8");
  return new Response(body, { ...init, headers });
}

export function client(fetch: typeof globalThis.fetch, options: Partial<DatagrokClientOptions> = {}) {
  return createDatagrokClient({ baseUrl: BASE_URL, auth: bearer(API_KEY), fetch, maxRetries: 2, ...options });
}

export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export const IDENTIFIERS = {
  ID: "7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11",
  "Grok name": "Demo.Sales",
  Markup: '#{x.7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11."Sales"}',
  URL: "https://grok.example.com/p/Demo.Sales",
};
