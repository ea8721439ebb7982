// createVendorClient: what every vendor package is built from. The spec's generated operation table becomes
// typed methods on the client (one core function interprets it), next to `api` (openapi-fetch, never throws),
// `baseUrl` and the path-typed `paginate`. A vendor adds only its flows, built on these methods.
import type { AuthStrategy } from "./auth-strategy.js";
import { type ApiClient, createApiClient, type PathsObject } from "./client.js";
import type { ErrorHints } from "./error-hints.js";
import type { ClassifyResponse } from "./operation-response.js";
import type { OperationTable, PagingDescriptor } from "./operation-types.js";
import { bindOperations, type CallOptions, type OperationContext } from "./operations.js";
import type { ClientOptions } from "./options.js";
import { createPathPaginate, type PathPaginate } from "./paginate-by-path.js";
import { throttleFor } from "./throttle.js";

export interface VendorDefinition {
  /** The vendor's display name, for messages. */
  name: string;
  /** The documented production URL (generated from the spec); absent for per-tenant hosts. */
  defaultBaseUrl?: string;
  /** The generated operation table. */
  operations: OperationTable;
  /** The generated paging style, when the spec declares one. */
  paging?: PagingDescriptor;
  /** How to pass a credential, for the message when an operation needs one: "auth: bearer(token)". */
  authHint: string;
  /** What the credential is called in that message ("an access token"). */
  credentialName?: string;
  /** Runs on every 2xx response before data or a stream is returned (e.g. Datagrok's `api-error` header). */
  classifyResponse?: ClassifyResponse;
  /** The vendor's advice per error status, appended to those errors' messages (DataGalaxy's 429). */
  errorHints?: ErrorHints;
}

export type VendorClient<Paths extends PathsObject, Methods, Field extends string | undefined = undefined> = {
  /** The typed openapi-fetch client for every operation: `{ data, error, response }`, never throws. */
  api: ApiClient<Paths>["api"];
  /** The resolved base URL, without a trailing slash. */
  baseUrl: string;
  /**
   * Every item of any list operation, fetched page by page as you iterate (`.pages()` for pages, `.toArray()`
   * for all), typed by path: `paginate("/projects/{id}/pipelines", { params: { path: { id } } })`.
   */
  paginate: PathPaginate<Paths, Field>;
} & Methods;

export interface VendorParts<Paths extends PathsObject, Methods, Field extends string | undefined> {
  /** The public client: spread it into the vendor's client and add the flows. */
  client: VendorClient<Paths, Methods, Field>;
  /** The openapi-fetch client and its per-call wiring, for flows that call a raw path. */
  core: ApiClient<Paths>;
}

export function createVendorClient<Paths extends PathsObject, Methods, Field extends string | undefined = undefined>(
  options: ClientOptions,
  definition: VendorDefinition,
): VendorParts<Paths, Methods, Field> {
  // One throttle for the client and its credential-free twin: the rate is the client's, whichever sends.
  const meta = { ...definition, throttle: throttleFor(options?.maxRequestsPerSecond) };
  const core = createApiClient<Paths>(options, meta);
  // Operations whose spec says `security: []` (logins, trigger tokens) never carry the client's credential:
  // they go through a twin wrapper without `auth` (same base URL, fetch, timeouts and retries), built on first use.
  let anonymous: ApiClient<Paths> | undefined;
  const auth: AuthStrategy | undefined = core.auth;
  const wrapperFor = (call: CallOptions): ApiClient<Paths> => {
    if (!auth || call.security?.length !== 0) return core;
    anonymous ??= createApiClient<Paths>({ ...options, auth: undefined }, meta);
    return anonymous;
  };
  const ctx: OperationContext = {
    name: definition.name,
    baseUrl: core.baseUrl,
    fetchFor: (call) => wrapperFor(call).fetchFor(call),
    readerFor: (call) => wrapperFor(call).readerFor(call),
    headers: options.headers,
    auth: auth ? { schemes: auth.schemes } : undefined,
    authHint: definition.authHint,
    credentialName: definition.credentialName,
    paging: definition.paging,
    classifyResponse: definition.classifyResponse,
    errorHints: definition.errorHints,
  };
  const client = {
    api: core.api,
    baseUrl: core.baseUrl,
    paginate: createPathPaginate<Paths, Field>(definition.operations, ctx),
    ...bindOperations<Methods>(definition.operations, ctx),
  } as VendorClient<Paths, Methods, Field>;
  return { client, core };
}

const generatedOf = new WeakMap<object, object>();

/**
 * The vendor's client: the generated client with its flows on top. A flow named after an operation replaces that
 * generated method on the client; `generatedMethods(client)` still reaches the original (tests, and users who need
 * the plain call).
 */
export function withFlows<C extends object, F extends object>(client: C, flows: F): Omit<C, keyof F> & F {
  const combined = { ...client, ...flows };
  generatedOf.set(combined, client);
  return combined;
}

/** The generated methods of a vendor client, before its flows replaced any (the client itself for a plain one). */
export function generatedMethods<C extends object>(client: C): Record<string, (...args: unknown[]) => unknown> {
  return (generatedOf.get(client) ?? client) as Record<string, (...args: unknown[]) => unknown>;
}
