import { type ClientOptions, createApiClient } from "@dataclients/core";
import type { paths } from "./generated/schema.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = "https://app.dataops.live/api/v4";

export interface DataopsLiveClientOptions extends ClientOptions {}

/** Creates a DataOps.live client. `api` is the typed openapi-fetch client for every operation. */
export function createDataopsLiveClient(options: DataopsLiveClientOptions = {}) {
  const core = createApiClient<paths>(options, { name: "DataOps.live", defaultBaseUrl: DEFAULT_BASE_URL });
  return { api: core.api, baseUrl: core.baseUrl };
}

export type DataopsLiveClient = ReturnType<typeof createDataopsLiveClient>;
