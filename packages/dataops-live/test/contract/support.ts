import { mockUrl } from "../../../../test/support/mock-url.js";
import { createDataopsLiveClient, type DataopsLiveClientOptions, privateToken } from "../../src/index.js";

/** Any token: the mock checks that the header is there, not its value. */
export const ACCESS_TOKEN = "glpat-contract-test-token";
export const TRIGGER_TOKEN = "6d056f63e50fe6f8c5f8f4aa10edb7";

/** A client on the run's DataOps.live mock; retries off so each Prefer'd status is answered exactly once. */
export function mockClient(options: DataopsLiveClientOptions = {}) {
  return createDataopsLiveClient({
    baseUrl: mockUrl("dataops-live"),
    auth: privateToken(ACCESS_TOKEN),
    maxRetries: 0,
    ...options,
  });
}

/** A client without a token, as an anonymous user (public reads, trigger tokens). */
export function anonymousClient(options: DataopsLiveClientOptions = {}) {
  return createDataopsLiveClient({ baseUrl: mockUrl("dataops-live"), maxRetries: 0, ...options });
}

/** Asks Prism for one documented response. */
export const prefer = (value: string) => ({ headers: { Prefer: value } });

/** A fetch that records what the client sent (method, URL, headers) before passing it to the mock. */
export function recordingFetch() {
  const sent: Array<{ method: string; url: URL; headers: Headers }> = [];
  const fetch = (async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers) });
    return globalThis.fetch(request);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}
