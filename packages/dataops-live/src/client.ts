// createDataopsLiveClient: every operation of the spec as a generated method (typed, paged, credential-checked),
// plus the flows GitLab users otherwise write by hand. `api` is the typed openapi-fetch client; createDataopsLiveApi
// gives only that client, with the same option handling, for programs that need nothing else.
import {
  type AuthStrategy,
  type ClientOptions,
  createVendorApi,
  createVendorClient,
  type VendorApi,
  withFlows,
} from "@dataclients/core";
import { type Operations, operations, PRODUCTION_BASE_URL, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { jobFlows } from "./jobs.js";
import { pipelineFlows } from "./pipelines.js";
import { triggerFlows } from "./triggers.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = PRODUCTION_BASE_URL as string;

/** GitLab's largest page (it silently caps larger values); from the spec's `per_page` maximum. */
// A pure call, so a bundle that does not use it (an api-only program) need not keep the operation table.
export const MAX_PER_PAGE = /* @__PURE__ */ (() => operations.listProjects.list.maxSize)();

const NAME = "DataOps.live";

export interface DataopsLiveClientOptions extends Omit<ClientOptions, "auth"> {
  /**
   * `privateToken(token)` for a personal, project or group access token (or any strategy, e.g. `bearer` for
   * OAuth). Optional: public reads and triggering with a trigger token work without one.
   */
  auth?: AuthStrategy;
}

const META = { name: NAME, defaultBaseUrl: DEFAULT_BASE_URL, tokenHint: "auth: privateToken(token)" };

/**
 * Only the typed openapi-fetch client (`{ data, error, response }`, never throws) and `baseUrl`, with the same
 * options, checks and credential handling as createDataopsLiveClient, but none of its methods, paginators or flows
 * in your bundle.
 */
export function createDataopsLiveApi(options: DataopsLiveClientOptions = {}): VendorApi<paths> {
  return createVendorApi<paths>(options, META);
}

/** Creates a DataOps.live client: a method per operation, `paginate`, and the pipeline and job flows. */
export function createDataopsLiveClient(options: DataopsLiveClientOptions = {}) {
  const { client } = createVendorClient<paths, Operations>(options, {
    ...META,
    operations,
    paging,
    credentialName: "an access token",
    authHint: 'auth: privateToken("<personal, project or group access token>")',
  });
  // The flows: each one replaces the generated method of the same name or adds a new one (listed in the README).
  return withFlows(client, { ...pipelineFlows(client), ...jobFlows(client), ...triggerFlows(client) });
}

export type DataopsLiveClient = ReturnType<typeof createDataopsLiveClient>;

/** The generated part of the client, which the flows are built on. */
export type GeneratedClient = ReturnType<typeof createVendorClient<paths, Operations>>["client"];
