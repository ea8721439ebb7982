// createApiClient: what every vendor facade starts from. Validates options, resolves the base URL,
// and gives back the typed openapi-fetch client wired to the fetch wrapper.
import type { Client, ClientOptions as OpenapiFetchOptions } from "openapi-fetch";
import openapiFetchDefault from "openapi-fetch";
import type { AuthBinding, AuthStrategy } from "./auth-strategy.js";
import { createFetchWrapper, type FetchAndRead, type FetchLike } from "./fetch-wrapper.js";
import {
  type ClientOptions,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type RequestOptions,
  resolveBaseUrl,
  validateClientOptions,
  validateCommonOptions,
} from "./options.js";
import { DataclientsRequest } from "./request-body.js";
import { type Throttle, throttleFor } from "./throttle.js";

// tsup's CommonJS output hands `import createClient from "openapi-fetch"` the whole module (its interop ignores
// openapi-fetch's `__esModule`), so take the function from either shape. A default import, not `import * as`: a
// namespace read by property keeps every openapi-fetch export in a user's bundle (≈ 1 kB minified).
type CreateClient = <Paths extends PathsObject>(options?: OpenapiFetchOptions) => Client<Paths>;
const fromModule = openapiFetchDefault as unknown as CreateClient | { default: CreateClient };
const createClient: CreateClient = typeof fromModule === "function" ? fromModule : fromModule.default;

export interface ApiClientMeta {
  /** The vendor's display name, used in error messages ("Solucao42: `baseUrl` ..."). */
  name: string;
  /** The documented production URL; absent for per-tenant hosts, which makes `baseUrl` required. */
  defaultBaseUrl?: string;
  /** A throttle this client shares (with its credential-free twin); else one is made from `maxRequestsPerSecond`. */
  throttle?: Throttle;
  /** How this vendor wraps a token for `auth` ("auth: privateToken(token)"), for the message when a bare one is given. */
  tokenHint?: string;
}

// openapi-fetch's generic constraint, spelled out so facades need not import openapi-fetch types.
// biome-ignore lint/complexity/noBannedTypes: mirrors openapi-fetch's `Paths extends {}`.
export type PathsObject = {};

export interface ApiClient<Paths extends PathsObject> {
  /** The typed openapi-fetch client: `{ data, error, response }`, never throws for HTTP errors. */
  api: Client<Paths>;
  /** The resolved base URL, without a trailing slash. */
  baseUrl: string;
  /** The client's credential strategy, bound to it (see AuthStrategy.bind). */
  auth: AuthStrategy | undefined;
  /** The options to spread into an openapi-fetch call so per-call options take effect. */
  requestInit(call?: RequestOptions): { fetch: typeof globalThis.fetch };
  /** The fetch wrapper with per-call options bound (what generated methods send through). */
  fetchFor(call: RequestOptions): FetchLike;
  /** fetch + a buffered read with typed errors, retrying an idempotent read whose body broke off. */
  readerFor(call: RequestOptions): FetchAndRead;
}

export function createApiClient<Paths extends PathsObject>(
  options: ClientOptions,
  meta: ApiClientMeta,
): ApiClient<Paths> {
  validateClientOptions(options, meta.name, meta.tokenHint);
  const throttle = meta.throttle ?? throttleFor(options.maxRequestsPerSecond);
  const baseUrl = resolveBaseUrl(options.baseUrl, meta.name, meta.defaultBaseUrl);
  const { auth: unbound, baseUrl: _baseUrl, ...rest } = options;
  // A strategy that logs in sends through the client's options and takes turns from the client's throttle.
  const auth = unbound?.bind ? unbound.bind({ baseUrl, options: rest, throttle }) : unbound;
  const wrapper = createFetchWrapper({
    origin: baseUrl,
    fetch: options.fetch,
    auth,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger: options.logger,
    maxResponseBytes: options.maxResponseBytes,
    retryPolicy: options.retryPolicy,
    throttle,
  });
  const api = createClient<Paths>({
    baseUrl,
    fetch: wrapper.fetch as typeof globalThis.fetch,
    headers: options.headers,
    // Remembers the body it was built from, so the wrapper sends a stream body as a stream on every runtime
    // (Node 24, Deno and Bun hide a Request's body source).
    Request: DataclientsRequest as typeof Request,
  });
  return {
    api,
    baseUrl,
    auth,
    requestInit(call = {}) {
      validateCommonOptions(call, meta.name);
      // The wrapper already watches `call.signal`; handing it to openapi-fetch too would leave a listener on the
      // caller's signal (held by openapi-fetch's Request) until garbage collection.
      return { fetch: wrapper.withOptions(call) as typeof globalThis.fetch };
    },
    fetchFor: (call) => wrapper.withOptions(call),
    readerFor: (call) => wrapper.readerWithOptions(call),
  };
}

/**
 * The client a login strategy makes its own requests with (AuthStrategy.bind): the binding client's base URL and
 * options, its throttle (login requests count against the client's rate), and `auth` when the strategy's own
 * requests need a credential.
 */
export function createBindingClient<Paths extends PathsObject>(
  binding: AuthBinding,
  name: string,
  auth?: AuthStrategy,
): ApiClient<Paths> {
  return createApiClient<Paths>(
    { ...binding.options, baseUrl: binding.baseUrl, auth },
    { name, throttle: binding.throttle },
  );
}
