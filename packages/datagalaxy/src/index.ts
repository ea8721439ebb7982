export { header } from "@dataclients/auth";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  type Download,
  generatedMethods,
  InvalidResponseError,
  type ListOptions,
  NotFoundError,
  type Page,
  type PageIterator,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  type RequestOptions,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
  type WriteOptions,
} from "@dataclients/core";
export { BASE_URL_CLAIM, bearer } from "./auth.js";
export type { DatagalaxyClient, DatagalaxyClientOptions } from "./client.js";
export { createDatagalaxyApi, createDatagalaxyClient } from "./client.js";
export type {
  ListItem,
  ListParams,
  ListPath,
  OperationId,
  Operations,
  PaginateInit,
} from "./generated/operations.js";
export { AttributeDataTypeValues, ObjectStatusValues, SourceTypeValues } from "./generated/operations.js";
export type * from "./generated/schema.js";
export { DATAGALAXY_RETRY_POLICY, DEFAULT_MAX_REQUESTS_PER_SECOND, RATE_LIMIT_HINT } from "./rate-limits.js";
