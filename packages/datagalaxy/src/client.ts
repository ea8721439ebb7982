import { type ClientOptions, createVendorClient } from "@dataclients/core";
import { type Operations, operations, PRODUCTION_BASE_URL, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export interface DatagalaxyClientOptions extends ClientOptions {
  /** Your tenant's base URL, following the spec's template `https://{environment}.api.datagalaxy.com/v2`. */
  baseUrl: string;
}

/**
 * Creates a DataGalaxy client: a typed method per operation of the spec (`op(...pathParams, input?, options?)`),
 * `paginate` over every list, and `api`, the raw openapi-fetch client. `baseUrl` is required (`https://{environment}.api.datagalaxy.com/v2`).
 */
export function createDatagalaxyClient(options: DatagalaxyClientOptions) {
  const { client } = createVendorClient<paths, Operations>(options, {
    name: "DataGalaxy",
    defaultBaseUrl: PRODUCTION_BASE_URL,
    operations,
    paging,
    authHint: "auth: bearer(token)",
  });
  // The vendor's flows (login, waits, uploads) go here: `{ ...client, ...flows(client) }`. A flow named after an
  // operation replaces its generated method.
  return client;
}

export type DatagalaxyClient = ReturnType<typeof createDatagalaxyClient>;
