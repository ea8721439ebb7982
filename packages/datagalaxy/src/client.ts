// createDatagalaxyClient: every operation of the spec as a generated method (typed, paged, credential-checked),
// the seed's flows (defaultVersionId, createSource), and DataGalaxy's rate rules built in: a throttle of 8
// requests per second shared by every call of the client, no blind retry of a 429, and a 429 error that says
// the IP address may now be blocked for 15 minutes. createDatagalaxyApi gives only `api` (the typed openapi-fetch
// client), with the same option handling and the same throttle, for programs that need nothing else.
import {
  type ClientOptions,
  ConfigurationError,
  checkAuthOption,
  createVendorApi,
  createVendorClient,
  describeValue,
  type VendorApi,
  type VendorClient,
  withFlows,
} from "@dataclients/core";
import { NAME, resolveDatagalaxyBaseUrl } from "./base-url.js";
import { type Operations, operations, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { RATE_LIMIT_HINT, requestRateOf, retryPolicyOf } from "./rate-limits.js";
import { sourceFlows } from "./sources.js";
import { workspaceFlows } from "./workspaces.js";

export interface DatagalaxyClientOptions extends ClientOptions {
  /**
   * Your environment's API base URL (`https://<environment>.api.datagalaxy.com/v2`; web app: profile menu →
   * "DataGalaxy API"). Optional with a personal access token passed as `bearer(token)`: it carries the URL.
   */
  baseUrl?: string;
  /**
   * Most requests started per second by this client, all callers together (DataGalaxy delays requests past 8
   * per second). Retries count. Default 8; 0 turns the throttle off.
   */
  maxRequestsPerSecond?: number;
}

/** The generated part of the client, which the flows are built on. */
export type GeneratedClient = VendorClient<paths, Operations, "results">;

/**
 * The options both factories hand to core: DataGalaxy's checks, the base URL (given, or the personal access token's
 * `pubapi` claim), the default rate of 8 requests per second and the no-blind-429-retry policy.
 */
function resolveOptions(options: DatagalaxyClientOptions): ClientOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigurationError(
      `${NAME}: options must be an object such as { auth: bearer(token) }; got ${describeValue(options)}`,
    );
  }
  // Before the base URL is read from the token: a bare token gets the fix, not "baseUrl is required".
  checkAuthOption(options.auth, NAME);
  const { maxRequestsPerSecond, ...rest } = options;
  return {
    ...rest,
    baseUrl: resolveDatagalaxyBaseUrl(options.baseUrl, options.auth),
    maxRequestsPerSecond: requestRateOf(maxRequestsPerSecond),
    retryPolicy: retryPolicyOf(options.retryPolicy),
  } as ClientOptions;
}

/**
 * Only the typed openapi-fetch client (`{ data, error, response }`, never throws) and `baseUrl`, with the same
 * options as createDatagalaxyClient (base URL from the token, the 8 requests per second throttle, no blind 429
 * retry), but none of its methods, paginators or flows in your bundle.
 */
export function createDatagalaxyApi(options: DatagalaxyClientOptions): VendorApi<paths> {
  const resolved = resolveOptions(options);
  return createVendorApi<paths>(resolved, { name: NAME });
}

/**
 * Creates a DataGalaxy client: a method per operation (`op(...pathParams, input?, options?)`), `paginate` over
 * every list, the seed's flows, and `api`, the raw openapi-fetch client.
 */
export function createDatagalaxyClient(options: DatagalaxyClientOptions) {
  const { client } = createVendorClient<paths, Operations, "results">(resolveOptions(options), {
    name: NAME,
    operations,
    paging,
    credentialName: "an access token (an integration token or a personal access token)",
    authHint: "auth: bearer(token)",
    errorHints: { 429: RATE_LIMIT_HINT },
  });
  // The flows: each one replaces the generated method of the same name (createSource; the original stays
  // reachable through generatedMethods) or adds one (defaultVersionId). Core adds the 429 hint to every error.
  return withFlows(client, { ...workspaceFlows(client), ...sourceFlows(client) });
}

export type DatagalaxyClient = ReturnType<typeof createDatagalaxyClient>;
