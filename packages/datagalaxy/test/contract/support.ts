import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createDatagalaxyClient, type DatagalaxyClientOptions } from "../../src/index.js";

/** Any token: the mock checks that a credential is there, not its value. */
export const ACCESS_TOKEN = "contract-test-token";
/** The spec's example workspace version id. */
export const VERSION_ID = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c34";

/** A client on the run's DataGalaxy mock; retries off so each Prefer'd status is answered exactly once. */
export function mockClient(options: Partial<DatagalaxyClientOptions> = {}) {
  return createDatagalaxyClient({
    baseUrl: mockUrl("datagalaxy"),
    auth: bearer(ACCESS_TOKEN),
    maxRetries: 0,
    ...options,
  });
}

/** A fetch that records what the client sent before passing it to the mock. */
export function recordingFetch() {
  const sent: Array<{ method: string; url: URL }> = [];
  const fetch = (async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: new URL(request.url) });
    return globalThis.fetch(request);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}
