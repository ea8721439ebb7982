// One error hierarchy for every dataclients package. Classes live here only, so `instanceof` works
// across packages. Everything an error carries is redacted: no secret in a message, a URL or a body.
import { redactBody, redactHeaders, redactUrl } from "./redact.js";

export interface ApiErrorInit {
  status: number;
  statusText?: string;
  body: unknown;
  method: string;
  url: string;
  headers?: Headers;
}

/** Base class of every error the SDKs throw. */
export class DataclientsError extends Error {
  override name = "DataclientsError";
}

/** The options given to a client or a call are invalid: the message says what to fix. */
export class ConfigurationError extends DataclientsError {
  override name = "ConfigurationError";
}

/** The server answered with a non-2xx status. */
export class ApiError extends DataclientsError {
  override name = "ApiError";
  readonly status: number;
  /** The vendor's machine-readable code: `body.code ?? body.error_code ?? body.error` when a string. */
  readonly code: string | undefined;
  /** The parsed response body (JSON when it parsed, text otherwise), with secret fields redacted. */
  readonly body: unknown;
  readonly method: string;
  /** The request URL with secret query values redacted. */
  readonly url: string;
  /** `x-request-id` (or `request-id`) of the response, for support tickets. */
  readonly requestId: string | undefined;
  /** Response headers with secret values redacted. */
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    const body = redactBody(init.body);
    const url = redactUrl(init.url);
    const code = vendorCode(body);
    const detail = vendorMessage(body);
    const status = `${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
    super(`${init.method} ${url} failed with ${status}${code ? ` [${code}]` : ""}${detail ? `: ${detail}` : ""}`);
    this.status = init.status;
    this.code = code;
    this.body = body;
    this.method = init.method;
    this.url = url;
    this.headers = init.headers ? redactHeaders(init.headers) : {};
    this.requestId = init.headers?.get("x-request-id") ?? init.headers?.get("request-id") ?? undefined;
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  /** Seconds the server asked to wait (Retry-After), when it said. */
  get retryAfter(): number | undefined {
    const value = this.headers["retry-after"];
    const seconds = value === undefined ? Number.NaN : Number(value);
    return Number.isFinite(seconds) ? seconds : undefined;
  }
}
export class ServerError extends ApiError {
  override name = "ServerError";
}

/** No response: DNS, refused connection, reset, TLS. `cause` holds the platform's error. */
export class ConnectionError extends DataclientsError {
  override name = "ConnectionError";
  constructor(
    message: string,
    readonly method: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An attempt took longer than the configured `timeout` (and no retry was left). */
export class TimeoutError extends DataclientsError {
  override name = "TimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
  ) {
    super(`${method} ${url} timed out after ${timeoutMs} ms; raise \`timeout\` or use the vendor's async mode`);
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class AbortError extends DataclientsError {
  override name = "AbortError";
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The most specific ApiError subclass for the status. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  const ErrorClass = byStatus[init.status] ?? (init.status >= 500 ? ServerError : ApiError);
  return new ErrorClass(init);
}

function vendorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  for (const key of ["code", "error_code", "error"] as const) {
    const value = body[key];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return undefined;
}

function vendorMessage(body: unknown): string | undefined {
  if (typeof body === "string") return truncate(body.trim());
  if (!isRecord(body)) return undefined;
  const message = body.message ?? body.error_description ?? body.error;
  if (typeof message === "string") return truncate(message);
  // GitLab sends validation errors as { message: { field: ["is invalid"] } }.
  if (message !== undefined) return truncate(JSON.stringify(message));
  return undefined;
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
