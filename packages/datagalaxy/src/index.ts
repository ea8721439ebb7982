export { bearer, header } from "@dataclients/auth";
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
  type ListOptions,
  NotFoundError,
  type PageIterator,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  type RequestOptions,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
  type WriteOptions,
} from "@dataclients/core";
export type { DatagalaxyClient, DatagalaxyClientOptions } from "./client.js";
export { createDatagalaxyClient } from "./client.js";
export type { OperationId, Operations } from "./generated/operations.js";
export type * from "./generated/schema.js";
