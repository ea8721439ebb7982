// createDatagolClient: every operation of the spec as a generated method (typed, credential-checked), plus the
// flows DataGOL users otherwise write by hand: the login → service token → noCo credential chain (auth/), SQL
// with its checks, the paged cursor query, and row writes checked before sending. `api` is the raw typed client.
import {
  type AuthStrategy,
  type ClientOptions,
  ConfigurationError,
  createVendorClient,
  resolveBaseUrl,
} from "@dataclients/core";
import { type DatagolCredentials, isDatagolCredentials, NAME } from "./auth/binding.js";
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

/** Creates a DataGOL client: a method per operation, and the query and row flows. */
export function createDatagolClient(options: DatagolClientOptions = {}) {
  const { client } = createVendorClient<paths, Operations>(withBoundAuth(options), {
    name: NAME,
    defaultBaseUrl: DEFAULT_BASE_URL,
    operations,
    paging,
    authHint: AUTH_HINT,
  });
  // Each flow replaces the generated method of the same name (executeQuery, createRow, createRows, updateRow)
  // or adds one (tableSqlName, queryRows); the README lists them.
  return { ...client, ...queryFlows(client), ...rowFlows(client) };
}

/** A login strategy is bound to this client's base URL and options, so its own requests go the same way. */
function withBoundAuth(options: DatagolClientOptions): ClientOptions {
  if (typeof options !== "object" || options === null) return options;
  const { auth, ...rest } = options;
  if (typeof auth === "string") {
    throw new ConfigurationError(`${NAME}: \`auth\` must be a strategy; wrap the token: auth: serviceToken(token)`);
  }
  if (!isDatagolCredentials(auth)) return options;
  const { baseUrl: _baseUrl, ...clientOptions } = rest;
  const baseUrl = resolveBaseUrl(options.baseUrl, NAME, DEFAULT_BASE_URL);
  return { ...rest, auth: auth.bind({ baseUrl, options: clientOptions }) };
}

export type DatagolClient = ReturnType<typeof createDatagolClient>;

/** The generated part of the client, which the flows are built on. */
export type GeneratedClient = ReturnType<typeof createVendorClient<paths, Operations>>["client"];
