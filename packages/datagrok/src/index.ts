export { bearer, header } from "@dataclients/auth";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  type BinaryBody,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  type Download,
  InvalidResponseError,
  type ListOptions,
  NotFoundError,
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
export { API_ERROR_HEADER, DatagrokApiError } from "./api-error.js";
export type { DatagrokClient, DatagrokClientOptions } from "./client.js";
export { createDatagrokApi, createDatagrokClient } from "./client.js";
export type { OperationId, Operations } from "./generated/operations.js";
export { ShareAccessValues, ShareResultStatusValues, UserStatusValues } from "./generated/operations.js";
export type * from "./generated/schema.js";
export { toRestName } from "./names.js";
