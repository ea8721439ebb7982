import { type ClientOptions, createVendorClient } from "@dataclients/core";
import { type Operations, operations, PRODUCTION_BASE_URL, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = PRODUCTION_BASE_URL as string;

export interface DatagolClientOptions extends ClientOptions {}

/**
 * Creates a DataGOL client: a typed method per operation of the spec (`op(...pathParams, input?, options?)`),
 * `paginate` over every list, and `api`, the raw openapi-fetch client.
 */
export function createDatagolClient(options: DatagolClientOptions = {}) {
  const { client } = createVendorClient<paths, Operations>(options, {
    name: "DataGOL",
    defaultBaseUrl: PRODUCTION_BASE_URL,
    operations,
    paging,
    authHint: "auth: bearer(token)",
  });
  // The vendor's flows (login, waits, uploads) go here: `{ ...client, ...flows(client) }`. A flow named after an
  // operation replaces its generated method.
  return client;
}

export type DatagolClient = ReturnType<typeof createDatagolClient>;
