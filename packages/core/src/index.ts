export type { AuthBinding, AuthContext, AuthStrategy, UnauthorizedContext } from "./auth-strategy.js";
export { DEFAULT_RENEW_ON } from "./auth-strategy.js";
export {
  type ApiClient,
  type ApiClientMeta,
  createApiClient,
  createBindingClient,
  type PathsObject,
} from "./client.js";
export { describeValue } from "./describe-value.js";
export { type Download, downloadOf, filenameFrom, toDownload } from "./download.js";
export { type BinaryBody, type BodyDescriptor, type BodyFormat, encodeBody } from "./encode-body.js";
export type { ErrorHints } from "./error-hints.js";
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  apiErrorFor,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  InvalidResponseError,
  type InvalidResponseReason,
  type NetworkErrorOptions,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  type TimeoutPhase,
  UnprocessableEntityError,
} from "./errors.js";
export {
  createFetchWrapper,
  type FetchAndRead,
  type FetchAndReadOptions,
  type FetchLike,
  type FetchWrapperConfig,
  requestInfoOf,
} from "./fetch-wrapper.js";
export {
  type FormEncoding,
  type FormFields,
  type FormFieldValue,
  formBodyOptions,
  toFormData,
  toFormFields,
  toUrlEncoded,
} from "./form-encoding.js";
export type { JsonExpectation, JsonReadOptions } from "./json-body.js";
export { parseLinkHeader } from "./link-header.js";
export type { Logger } from "./logger.js";
export { type ClassifyResponse, type ReadResponseOptions, readResponse } from "./operation-response.js";
export type {
  BodyOf,
  FormatBody,
  HttpMethod,
  ListItemOf,
  ListOptions,
  OperationDescriptor,
  OperationTable,
  PagingDescriptor,
  PathParamOf,
  QueryOf,
  SuccessBody,
  WriteOptions,
} from "./operation-types.js";
export { bindOperations, type CallOptions, callOperation, type OperationContext } from "./operations.js";
export {
  type ClientOptions,
  checkAuthOption,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  isLoopbackHost,
  type RequestOptions,
  requireNonEmpty,
  resolveBaseUrl,
} from "./options.js";
export { type NextPage, nextPageFromHeaders, type PageHeaders, queryFromUrl, readPageHeaders } from "./page-headers.js";
export {
  type FetchedPage,
  type Page,
  type PageFetcher,
  type PageIterator,
  type PaginateOptions,
  paginate,
} from "./paginate.js";
export { type EnvelopeFields, paginateByEnvelope } from "./paginate-by-envelope.js";
export {
  checkPageSize,
  type HeaderPageFetcher,
  type PageQuery,
  type PageSizeRule,
  type PaginateByHeadersOptions,
  paginateByHeaders,
} from "./paginate-by-headers.js";
export {
  createPathPaginate,
  type ListItem,
  type ListParams,
  type ListPath,
  type PaginateArgs,
  type PaginateInit,
  type PathPaginate,
} from "./paginate-by-path.js";
export { encodePathParam, fillPath, type PathEncoding } from "./path-params.js";
export {
  type PollOptions,
  PollTimeoutError,
  pollUntil,
  type WaitDefaults,
  type WaitOptions,
  waitUntil,
} from "./poll.js";
export { type QueryStyle, serializeQuery } from "./query.js";
export {
  REDACTED,
  redactBody,
  redactHeaders,
  redactUrl,
  SECRET_FIELD_NAMES,
  SECRET_HEADER_NAMES,
  scrubString,
  scrubValues,
  secretFormsOf,
  shortUrl,
} from "./redact.js";
export { DataclientsRequest, type RequestBody } from "./request-body.js";
export { type BodyKind, errorInitOf, type ReadBodyOptions, readBody, responseError } from "./response-body.js";
export { scrubForResponse } from "./response-info.js";
export {
  backoffMs,
  isIdempotent,
  type RetryPolicy,
  rateLimitResetMs,
  retryAfterMs,
  retryDelayFor,
  serverDelayMs,
} from "./retry-policy.js";
export { raceAbort, sleep } from "./sleep.js";
export { createThrottle, type Throttle, type ThrottleOptions, throttleFetch, throttleFor } from "./throttle.js";
export { throwOnError, unwrap } from "./unwrap.js";
export { createVendorApi, type VendorApi } from "./vendor-api.js";
export {
  createVendorClient,
  generatedMethods,
  type VendorClient,
  type VendorDefinition,
  type VendorParts,
  withFlows,
} from "./vendor-client.js";
