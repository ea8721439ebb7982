// createDataopsLiveClient: the GitLab-compatible v4 API with paging, pipeline triggers and waits, downloads as
// streams. `api` is the typed openapi-fetch client for everything else.
import { type AuthStrategy, type ClientOptions, ConfigurationError, createApiClient } from "@dataclients/core";
import type { HelperContext } from "./context.js";
import type { paths } from "./generated/schema.js";
import { jobHelpers } from "./jobs.js";
import { namespaceAndGroupHelpers } from "./namespaces-groups.js";
import { createPaginate } from "./paginate.js";
import { pipelineHelpers } from "./pipelines.js";
import { projectHelpers } from "./projects.js";
import { scheduleHelpers } from "./schedules.js";
import { triggerHelpers } from "./triggers.js";
import { variableHelpers } from "./variables.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = "https://app.dataops.live/api/v4";

const NAME = "DataOps.live";

export interface DataopsLiveClientOptions extends Omit<ClientOptions, "auth"> {
  /**
   * `privateToken(token)` for a personal, project or group access token (or any strategy, e.g. `bearer` for
   * OAuth). Optional: public reads and triggering with a trigger token work without one.
   */
  auth?: AuthStrategy;
}

/** Creates a DataOps.live client. `api` is the typed openapi-fetch client for every operation. */
export function createDataopsLiveClient(options: DataopsLiveClientOptions = {}) {
  if (typeof (options as { auth?: unknown })?.auth === "string") {
    throw new ConfigurationError(`${NAME}: \`auth\` must be a strategy; wrap the token: auth: privateToken(token)`);
  }
  const meta = { name: NAME, defaultBaseUrl: DEFAULT_BASE_URL };
  const core = createApiClient<paths>(options, meta);
  // Trigger tokens authenticate themselves: the twin sends them without the client's access token.
  const anonymous = createApiClient<paths>({ ...options, auth: undefined }, meta);
  const ctx: HelperContext = { core, anonymous, hasAuth: options.auth !== undefined };
  const paginate = createPaginate(ctx);

  return {
    /** The typed openapi-fetch client for every operation: `{ data, error, response }`, never throws. */
    api: core.api,
    /** The resolved base URL. */
    baseUrl: core.baseUrl,
    /**
     * Every item of any list operation, fetched page by page as you iterate (`.pages()` for pages,
     * `.toArray()` for all): `client.paginate("/projects/{id}/pipelines", { params: { path: { id } } })`.
     */
    paginate,
    ...projectHelpers(ctx, paginate),
    ...namespaceAndGroupHelpers(ctx, paginate),
    ...pipelineHelpers(ctx, paginate),
    ...jobHelpers(ctx, paginate),
    ...triggerHelpers(ctx, paginate),
    ...variableHelpers(ctx, paginate),
    ...scheduleHelpers(ctx, paginate),
  };
}

export type DataopsLiveClient = ReturnType<typeof createDataopsLiveClient>;
