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
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from "@dataclients/core";
export { parseCallback } from "./callback.js";
export {
  createSolucao42Client,
  DEFAULT_BASE_URL,
  type ExecuteAndWaitOptions,
  type QueryResult,
  type Solucao42Client,
  type Solucao42ClientOptions,
} from "./client.js";
export { apiKeyAuth, passwordAuth, type Solucao42Credentials } from "./credentials.js";
export { InvalidCallbackError, JobFailedError, MissingPermissionError } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export type * from "./types.js";
