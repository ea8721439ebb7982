// createDatagrokClient: every operation of the spec as a generated method (typed, grok names converted, file paths
// encoded segment by segment, binary bodies streamed, downloads as streams), plus typed function calls. Datagrok's
// "200 with an `api-error` header" is raised as DatagrokApiError by core's classifyResponse hook on every call.
// createDatagrokApi gives only `api` (the typed openapi-fetch client), with the same option handling.
import {
  type ApiClientMeta,
  type ClientOptions,
  createVendorApi,
  createVendorClient,
  type VendorApi,
} from "@dataclients/core";
import { classifyDatagrokResponse } from "./api-error.js";
import { checkApiPath, requireBaseUrl } from "./base-url.js";
import { functionFlows } from "./functions.js";
import { type Operations, operations, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export interface DatagrokClientOptions extends ClientOptions {
  /** Your server's URL followed by `/api`, e.g. `https://public.datagrok.ai/api` (each installation has its own). */
  baseUrl: string;
}

/**
 * Creates a Datagrok client: a typed method per operation of the spec (`op(...pathParams, input?, options?)`),
 * `callFunction<T>`/`invokeFunction<T>` with a typed result, and `api`, the raw openapi-fetch client.
 * `baseUrl` is required; `auth: bearer(apiKey)` with the API key from your Datagrok profile.
 */
export function createDatagrokClient(options: DatagrokClientOptions) {
  const client = withDatagrokChecks(
    options,
    (meta) =>
      createVendorClient<paths, Operations>(options, {
        ...meta,
        operations,
        paging,
        credentialName: "an API key",
        authHint: "auth: bearer(apiKey) (the API key from your Datagrok profile)",
        classifyResponse: classifyDatagrokResponse,
      }).client,
  );
  // A flow named after an operation replaces its generated method (listed in the README).
  return { ...client, ...functionFlows(client) };
}

/**
 * Only the typed openapi-fetch client (`{ data, error, response }`, never throws) and `baseUrl`, with the same
 * options and checks as createDatagrokClient (`baseUrl` required, ending in `/api`), but none of its methods or
 * flows in your bundle.
 */
export function createDatagrokApi(options: DatagrokClientOptions): VendorApi<paths> {
  return withDatagrokChecks(options, (meta) => createVendorApi<paths>(options, meta));
}

/**
 * Option handling shared by both factories: Datagrok's required `baseUrl` before core's checks (validation, base
 * URL resolution, auth binding, run by `create`), and its `/api` path on the resolved URL after them.
 */
function withDatagrokChecks<T extends { baseUrl: string }>(
  options: DatagrokClientOptions,
  create: (meta: ApiClientMeta) => T,
): T {
  requireBaseUrl((options as Partial<DatagrokClientOptions> | undefined)?.baseUrl);
  const made = create({ name: "Datagrok" });
  checkApiPath(made.baseUrl);
  return made;
}

export type DatagrokClient = ReturnType<typeof createDatagrokClient>;

/** The generated part of the client, which the flows are built on. */
export type GeneratedClient = ReturnType<typeof createVendorClient<paths, Operations>>["client"];
