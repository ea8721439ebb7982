export { bearer } from "@dataclients/auth";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  NotFoundError,
  type Page,
  type PageHeaders,
  type PageIterator,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  type RequestOptions,
  readPageHeaders,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "@dataclients/core";
export { privateToken } from "./auth.js";
export type { BodyFormat, WriteOptions } from "./body-format.js";
export {
  createDataopsLiveClient,
  type DataopsLiveClient,
  type DataopsLiveClientOptions,
  DEFAULT_BASE_URL,
} from "./client.js";
export type { Download } from "./downloads.js";
export type { OperationId } from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { ArtifactOptions } from "./jobs.js";
export {
  type ListItem,
  type ListParams,
  type ListPath,
  MAX_PER_PAGE,
  type PaginateCallOptions,
  type PaginateInit,
} from "./paginate.js";
export {
  type CreatePipelineInput,
  SETTLED_PIPELINE_STATUSES,
  type WaitForPipelineOptions,
} from "./pipelines.js";
export { encodeResourceId, type ProjectId } from "./project-id.js";
export type { TriggerPipelineInput } from "./triggers.js";
export type * from "./types.js";
export type { VariableScopeOptions } from "./variables.js";
