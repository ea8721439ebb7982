export { ApiError } from "@dataclients/core";
export type { DataopsLiveClient, DataopsLiveClientOptions } from "./client.js";
export { createDataopsLiveClient, DEFAULT_BASE_URL } from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
