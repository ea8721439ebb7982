// createDatagolClient: every operation of the spec as a generated method (typed, credential-checked), plus the
// flows DataGOL users otherwise write by hand: the login → service token → noCo credential chain (auth/), SQL
// with its checks, the paged cursor query, and row writes checked before sending. `api` is the raw typed client;
// createDatagolApi gives only that client, with the same option handling, for programs that need nothing else.
import {
  type AuthStrategy,
  type ClientOptions,
  createVendorApi,
  createVendorClient,
  type VendorApi,
  withFlows,
} from "@dataclients/core";
import { type DatagolCredentials, NAME } from "./auth/binding.js";
import { type Operations, operations, PRODUCTION_BASE_URL, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { queryFlows } from "./queries.js";
import { rowFlows } from "./rows.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = PRODUCTION_BASE_URL as string;

export interface DatagolClientOptions extends Omit<ClientOptions, "auth"> {
  /**
   * `serviceAccount({ login: datagolLogin({ email, password }), serviceAccountId })` (the vendor's flow),
   * `datagolLogin({ email, password })` (the user JWT everywhere), or `serviceToken(token)` (noCo endpoints only).
   */
  auth?: DatagolCredentials | AuthStrategy;
}

const AUTH_HINT = "auth: serviceAccount({ login: datagolLogin({ email, password }), serviceAccountId })";

const META = { name: NAME, defaultBaseUrl: DEFAULT_BASE_URL, tokenHint: "auth: serviceToken(token)" };

/**
 * Only the typed openapi-fetch client (`{ data, error, response }`, never throws) and `baseUrl`, with the same
 * options, checks and credentials (the login and service-token chain included) as createDatagolClient, but none
 * of its methods or flows in your bundle.
 */
export function createDatagolApi(options: DatagolClientOptions = {}): VendorApi<paths> {
  return createVendorApi<paths>(options, META);
}

/** Creates a DataGOL client: a method per operation, and the query and row flows. */
export function createDatagolClient(options: DatagolClientOptions = {}) {
  const { client } = createVendorClient<paths, Operations>(options, {
    ...META,
    operations,
    paging,
    authHint: AUTH_HINT,
  });
  // Each flow replaces the generated method of the same name (executeQuery, createRow, createRows, updateRow; the
  // originals stay reachable through generatedMethods) or adds one (tableSqlName, queryRows); the README lists them.
  return withFlows(client, { ...queryFlows(client), ...rowFlows(client) });
}

export type DatagolClient = ReturnType<typeof createDatagolClient>;

/** The generated part of the client, which the flows are built on. */
export type GeneratedClient = ReturnType<typeof createVendorClient<paths, Operations>>["client"];
