// A Datagrok server as an injected fetch (test/support/fake-fetch records every request as sent: raw path, headers,
// body bytes, and the fetch init the client passed), with the constants and client builder the unit tests share.
import { type FakeHandler, fakeFetch, json } from "../../../../test/support/fake-fetch.js";
import { bearer, createDatagrokClient, type DatagrokClientOptions } from "../../src/index.js";

export { type FakeHandler, json, type SentRequest, text } from "../../../../test/support/fake-fetch.js";

export const BASE_URL = "https://grok.example.com/api";
export const API_KEY = "grok-API-KEY-0123456789";

export function fakeDatagrok(handler: FakeHandler = () => json({})) {
  return fakeFetch(handler, { basePath: "/api" });
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
