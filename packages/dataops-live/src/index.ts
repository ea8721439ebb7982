export { bearer } from "@dataclients/auth";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  type BodyFormat,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  type Download,
  InvalidResponseError,
  type ListOptions,
  NotFoundError,
  type Page,
  type PageHeaders,
  type PageIterator,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  type RequestOptions,
  ResponseTooLargeError,
  readPageHeaders,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
  type WaitOptions,
  type WriteOptions,
} from "@dataclients/core";
export { privateToken } from "./auth.js";
export {
  createDataopsLiveApi,
  createDataopsLiveClient,
  type DataopsLiveClient,
  type DataopsLiveClientOptions,
  DEFAULT_BASE_URL,
  MAX_PER_PAGE,
} from "./client.js";
export type {
  ListItem,
  ListParams,
  ListPath,
  OperationId,
  Operations,
  PaginateInit,
} from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { ArtifactOptions } from "./jobs.js";
export {
  type CreatePipelineInput,
  SETTLED_PIPELINE_STATUSES,
  type WaitForPipelineOptions,
} from "./pipelines.js";
export { encodeResourceId, type ProjectId } from "./project-id.js";
export type { TriggerPipelineInput } from "./triggers.js";
export type * from "./types.js";
