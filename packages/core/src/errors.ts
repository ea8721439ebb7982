// One error hierarchy for every dataclients package. Classes live here only, so `instanceof` works
// across packages. Everything an error carries is redacted: no secret in a message, a URL or a body.
import { redactBody, redactHeaders, redactUrl, scrubString, scrubValues, shortUrl } from "./redact.js";
import { serverDelayMs } from "./retry-policy.js";

export interface ApiErrorInit {
  status: number;
  statusText?: string;
  body: unknown;
  method: string;
  url: string;
  headers?: Headers;
  /** Replaces the message built from method, URL, status and the vendor's message (still scrubbed). */
  message?: string;
  /**
   * Secret values (credentials sent on the request, tokens received) to scrub wherever they appear in the
   * body, message and headers, whatever the field is called. Kept nowhere on the error.
   */
  secrets?: readonly string[];
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
    const secrets = init.secrets ?? [];
    const body = scrubValues(redactBody(init.body), secrets);
    const url = scrubString(redactUrl(init.url), secrets);
    const code = vendorCode(body);
    const detail = vendorMessage(body);
    const status = `${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
    const built = `${init.method} ${shortUrl(url)} failed with ${status}${code ? ` [${code}]` : ""}${detail ? `: ${detail}` : ""}`;
    super(scrubString(init.message ?? built, secrets));
    this.status = init.status;
    this.code = code;
    this.body = body;
    this.method = init.method;
    this.url = url;
    this.headers = init.headers ? scrubValues(redactHeaders(init.headers), secrets) : {};
    const requestId = init.headers?.get("x-request-id") ?? init.headers?.get("request-id") ?? undefined;
    this.requestId = requestId === undefined ? undefined : scrubString(requestId, secrets);
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
  /**
   * Seconds the server asked to wait, when it said: `Retry-After` (seconds, or an HTTP date counted from
   * when the error was built), `retry-after-ms`, or GitLab's `RateLimit-Reset`.
   */
  readonly retryAfter: number | undefined;
  constructor(init: ApiErrorInit) {
    super(init);
    const ms = init.headers ? serverDelayMs(init.headers) : undefined;
    this.retryAfter = ms === undefined ? undefined : Math.ceil(ms / 1000);
  }
}
export class ServerError extends ApiError {
  override name = "ServerError";
}

/** What a network failure knew about the response, when it came after the headers (a mid-body reset). */
export interface NetworkErrorOptions {
  cause?: unknown;
  /** The response status, when the failure happened while reading its body. */
  status?: number | undefined;
  requestId?: string | undefined;
}

/**
 * The exchange failed at the network level: DNS, refused connection, reset or truncation (also mid-body),
 * TLS, a redirect that cannot be followed. `cause` holds the platform's error.
 */
export class ConnectionError extends DataclientsError {
  override name = "ConnectionError";
  /** The response status when the failure came while reading the body; undefined before any response. */
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  constructor(
    message: string,
    readonly method: string,
    readonly url: string,
    options?: NetworkErrorOptions,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
    this.requestId = options?.requestId;
  }
}

/** Where the time ran out: before the response headers, while buffering the body, or a stream went idle. */
export type TimeoutPhase = "response" | "body" | "idle";

/** An attempt took longer than the configured `timeout` (and no retry was left). */
export class TimeoutError extends DataclientsError {
  override name = "TimeoutError";
  readonly phase: TimeoutPhase;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
    options?: Omit<NetworkErrorOptions, "cause"> & { phase?: TimeoutPhase },
  ) {
    const phase = options?.phase ?? "response";
    const where =
      phase === "body"
        ? ` while reading the response body (status ${options?.status})`
        : phase === "idle"
          ? ` waiting for the next chunk of the response stream (status ${options?.status}); no data arrived in that time`
          : "";
    super(
      `${method} ${shortUrl(url)} timed out after ${timeoutMs} ms${where}; raise \`timeout\` or use the vendor's async mode`,
    );
    this.phase = phase;
    this.status = options?.status;
    this.requestId = options?.requestId;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class AbortError extends DataclientsError {
  override name = "AbortError";
}

/** Why a successful response could not be used. */
export type InvalidResponseReason = "invalid-json" | "unexpected-content-type" | "empty" | "unexpected-type";

/**
 * A 2xx response whose body is not what the operation expects: invalid JSON, an HTML page where JSON was
 * expected, an empty body or `null` where an object was expected. The message never quotes the body.
 */
export class InvalidResponseError extends ApiError {
  override name = "InvalidResponseError";
  readonly reason: InvalidResponseReason;
  /** The Content-Type that arrived ("" when none). */
  readonly contentType: string;
  constructor(init: ApiErrorInit & { reason: InvalidResponseReason; detail: string }) {
    const contentType = init.headers?.get("content-type") ?? "";
    super({
      ...init,
      body: undefined,
      message: `${init.method} ${shortUrl(redactUrl(init.url))} returned ${init.status}, but ${init.detail}`,
    });
    this.reason = init.reason;
    this.contentType = contentType;
  }
}

/** A buffered response body was larger than the client's `maxResponseBytes`. */
export class ResponseTooLargeError extends ApiError {
  override name = "ResponseTooLargeError";
  constructor(
    init: Omit<ApiErrorInit, "body">,
    readonly limitBytes: number,
  ) {
    super({
      ...init,
      body: undefined,
      message: `${init.method} ${shortUrl(redactUrl(init.url))} returned ${init.status} with a body larger than ${limitBytes} bytes (\`maxResponseBytes\`); raise the limit (0 for none) or read it as a stream`,
    });
  }
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
