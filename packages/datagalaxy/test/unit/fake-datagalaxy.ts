// The DataGalaxy API as an injected fetch (test/support/fake-fetch records every request as sent), with the
// constants and client builder the unit tests share.
import { type FakeHandler, fakeFetch, json } from "../../../../test/support/fake-fetch.js";
import { bearer, createDatagalaxyClient, type DatagalaxyClientOptions } from "../../src/index.js";

export { type FakeHandler, json, type SentRequest } from "../../../../test/support/fake-fetch.js";
export { unsignedJwt as jwt } from "../../../../test/support/jwt.js";

export const BASE_URL = "https://acme.api.datagalaxy.com/v2";
export const TOKEN = "integration-TOKEN-0123456789";
export const VERSION_ID = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c34";

export function fakeDatagalaxy(handler: FakeHandler = () => json({})) {
  return fakeFetch(handler, { basePath: "/v2" });
}

/** A client on the fake, retries off unless asked, throttle on (its default) unless asked. */
export function fakeClient(fetch: typeof globalThis.fetch, options: Partial<DatagalaxyClientOptions> = {}) {
  return createDatagalaxyClient({ baseUrl: BASE_URL, auth: bearer(TOKEN), fetch, maxRetries: 0, ...options });
}
