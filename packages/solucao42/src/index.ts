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
  type WaitOptions,
  type WriteOptions,
} from "@dataclients/core";
export { parseCallback } from "./callback.js";
export {
  createSolucao42Api,
  createSolucao42Client,
  DEFAULT_BASE_URL,
  type ExecuteAndWaitOptions,
  type QueryResult,
  type Solucao42Client,
  type Solucao42ClientOptions,
} from "./client.js";
export { apiKeyAuth, passwordAuth, type Solucao42Credentials } from "./credentials.js";
export { InvalidCallbackError, JobFailedError, MissingPermissionError } from "./errors.js";
export type { OperationId, Operations } from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
