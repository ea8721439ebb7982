// The clients the fault matrix drives: each is a name, a factory taking a base URL, and the call to make.
// A vendor joins the matrix with a rows-<vendor>.ts (its clients and rows), spread into matrix.test.ts.
import { bearer } from "@dataclients/auth";
import { type ClientOptions, createApiClient, createFetchWrapper, type RetryPolicy, unwrap } from "@dataclients/core";
import { createDataopsLiveClient, privateToken } from "@dataclients/dataops-live";
import { createSolucao42Client } from "@dataclients/solucao42";

export const TOKEN = "fault-TOKEN-0123456789";
/** Short enough that stalls and trickles fail fast, long enough for a healthy loopback answer. */
export const TIMEOUT_MS = 400;

export interface CallOptions {
  signal: AbortSignal;
}

export interface MatrixClient {
  name: string;
  /**
   * Set (with the reason) when the client hands the caller's signal to openapi-fetch, whose Request keeps an
   * abort listener on it until garbage collection: the matrix then skips only the "no listener left" check.
   */
  keepsRequestSignalListener?: string;
  /** The base path the vendor's spec puts before its paths (the fault server ignores it). */
  basePath?: string;
  call(baseUrl: string, options: CallOptions): Promise<unknown>;
}

function coreClient(baseUrl: string, options: Pick<ClientOptions, "maxResponseBytes" | "retryPolicy"> = {}) {
  return createApiClient<Record<string, never>>(
    { baseUrl, auth: bearer(TOKEN), timeout: TIMEOUT_MS, maxRetries: 2, ...options },
    { name: "Faults" },
  );
}

async function coreGet(baseUrl: string, signal: AbortSignal, options?: Parameters<typeof coreClient>[1]) {
  const client = coreClient(baseUrl, options);
  // Only `fetch` is handed over: the wrapper bound to it has the signal, and openapi-fetch's Request would
  // otherwise add a listener to the caller's signal that lives until the Request is garbage-collected.
  const { fetch } = client.requestInit({ signal });
  // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
  return unwrap(await (client.api as any).GET("/things", { fetch }));
}

function coreWrapper(baseUrl: string, retryPolicy?: RetryPolicy) {
  return createFetchWrapper({
    origin: baseUrl,
    auth: bearer(TOKEN),
    timeout: TIMEOUT_MS,
    maxRetries: 2,
    maxResponseBytes: 1024 * 1024,
    ...(retryPolicy ? { retryPolicy } : {}),
  });
}

export const CLIENTS = {
  /** openapi-fetch through core's wrapper, data or a typed error via unwrap. */
  coreGet: {
    name: "core createApiClient + api.GET + unwrap",
    call: (baseUrl, { signal }) => coreGet(baseUrl, signal),
  },
  /** The client options maxResponseBytes and retryPolicy, through createApiClient. */
  coreGetOptions: {
    name: "core createApiClient({ maxResponseBytes: 1 MiB, retryPolicy: { retryOn429WithoutRetryAfter: false } })",
    call: (baseUrl, { signal }) =>
      coreGet(baseUrl, signal, { maxResponseBytes: 1024 * 1024, retryPolicy: { retryOn429WithoutRetryAfter: false } }),
  },
  /** The buffered path generated methods use: fetchAndRead (re-reads a GET cut mid-body), JSON object expected. */
  coreRead: {
    name: "core fetchAndRead(json, expect object), maxResponseBytes 1 MiB",
    async call(baseUrl, { signal }) {
      const wrapper = coreWrapper(baseUrl);
      const { data } = await wrapper.readerWithOptions({ signal })(`${baseUrl}/things`, undefined, "json", {
        expect: "object",
      });
      return data;
    },
  },
  /** DataGalaxy's policy: a 429 without Retry-After is never retried (the IP would be blocked). */
  coreNoBlind429: {
    name: "core fetchAndRead with retryPolicy { retryOn429WithoutRetryAfter: false }",
    async call(baseUrl, { signal }) {
      const wrapper = coreWrapper(baseUrl, { retryOn429WithoutRetryAfter: false });
      return (await wrapper.readerWithOptions({ signal })(`${baseUrl}/things`, undefined, "json")).data;
    },
  },
  dataopsGetProject: {
    name: "dataops-live getProject(1)",
    basePath: "/api/v4",
    call: (baseUrl, { signal }) =>
      createDataopsLiveClient({ baseUrl, auth: privateToken(TOKEN), timeout: TIMEOUT_MS, maxRetries: 2 }).getProject(
        1,
        undefined,
        {
          signal,
        },
      ),
  },
  solucao42Permissions: {
    name: "solucao42 permissions()",
    call: (baseUrl, { signal }) =>
      createSolucao42Client({ baseUrl, auth: bearer(TOKEN), timeout: TIMEOUT_MS, maxRetries: 2 }).permissions({
        signal,
      }),
  },
} satisfies Record<string, MatrixClient>;

export type ClientKey = keyof typeof CLIENTS;
