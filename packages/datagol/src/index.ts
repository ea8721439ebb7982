export {
  type AuthStrategy,
  type BySchemeOptions,
  bearer,
  byScheme,
  LoginFailedError,
  RenewalTimeoutError,
} from "@dataclients/auth";
export {
  AbortError,
  ApiError,
  type AuthBinding,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  generatedMethods,
  InvalidResponseError,
  type ListOptions,
  NotFoundError,
  type Page,
  type PageIterator,
  PermissionDeniedError,
  RateLimitError,
  type RequestOptions,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "@dataclients/core";
export type { DatagolCredentials } from "./auth/binding.js";
export { jwtFromAuthorizationHeader } from "./auth/jwt.js";
export { type DatagolJwtSession, type DatagolLogin, type DatagolLoginOptions, datagolLogin } from "./auth/login.js";
export { type ServiceAccountOptions, serviceAccount } from "./auth/service-account.js";
export { serviceToken } from "./auth/service-token.js";
export type { DatagolClient, DatagolClientOptions } from "./client.js";
export { createDatagolApi, createDatagolClient, DEFAULT_BASE_URL } from "./client.js";
export type { OperationId, Operations } from "./generated/operations.js";
export type * from "./generated/schema.js";
export { DEFAULT_PAGE_SIZE, type QueryResult, type QueryRowsOptions } from "./queries.js";
