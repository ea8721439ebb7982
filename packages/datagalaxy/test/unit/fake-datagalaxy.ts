// An injected fetch standing in for the DataGalaxy API: it records every request as sent (method, URL, headers,
// raw body) and answers from a handler, so unit tests assert the wire format without a server.
import { bearer, createDatagalaxyClient, type DatagalaxyClientOptions } from "../../src/index.js";

export const BASE_URL = "https://acme.api.datagalaxy.com/v2";
export const TOKEN = "integration-TOKEN-0123456789";
export const VERSION_ID = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c34";

export interface SentRequest {
  method: string;
  url: URL;
  /** The path after /v2, as sent. */
  path: string;
  headers: Headers;
  body: string;
}

export type FakeHandler = (request: SentRequest, index: number) => Response | Promise<Response>;

export function fakeDatagalaxy(handler: FakeHandler = () => json({})) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : "";
    const sent = {
      method: request.method,
      url,
      path: url.pathname.replace(/^\/v2/, ""),
      headers: request.headers,
      body,
    };
    requests.push(sent);
    return handler(sent, requests.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

/** A client on the fake, retries off unless asked, throttle on (its default) unless asked. */
export function fakeClient(fetch: typeof globalThis.fetch, options: Partial<DatagalaxyClientOptions> = {}) {
  return createDatagalaxyClient({ baseUrl: BASE_URL, auth: bearer(TOKEN), fetch, maxRetries: 0, ...options });
}

/** An unsigned JWT (`header.payload.sig`) with the given payload, as a personal access token looks. */
export function jwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
