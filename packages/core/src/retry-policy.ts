// When to retry and how long to wait, in the spirit of openai-node: exponential backoff with jitter,
// Retry-After (or GitLab's RateLimit-Reset) honoured up to a cap, only where a replay cannot do a write twice.

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Longest server-requested wait we honour; a longer Retry-After is surfaced as an error instead. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
// RateLimit-Reset is epoch seconds at GitLab, delta seconds in the IETF draft: a value this large is a date.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * A vendor's retry rules, given to the client (`retryPolicy`) and applied by the fetch wrapper to retryable
 * statuses (408, 429, 5xx) of idempotent requests.
 */
export interface RetryPolicy {
  /**
   * Retry a 429 that says nothing about when to come back (no `Retry-After`, `retry-after-ms` or
   * `RateLimit-Reset`) after the usual backoff. Default true; DataGalaxy sets false (a blind retry gets the
   * IP blocked for 15 minutes).
   */
  retryOn429WithoutRetryAfter?: boolean;
  /** Longest server-requested wait to honour; a longer one surfaces the error. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /**
   * Full control: milliseconds to wait before retrying this response, `false` to not retry it, or
   * `undefined` to apply the rules above. `attempt` is the 0-based retry about to be made. Called only
   * for retryable statuses of idempotent requests, while retries are left.
   */
  delay?(status: number, headers: Headers, attempt: number): number | false | undefined;
}

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

const CONNECT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The platform's error code (undici puts it on `cause`), if any. */
export function networkErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = cause?.code ?? (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when the connection could not be made, so no byte of the request reached the server. */
export function failedBeforeSending(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

/** True for failures to connect at all (DNS, refused, unreachable), as opposed to a reset after sending. */
export function isConnectFailure(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && CONNECT_CODES.has(code);
}

/** Milliseconds the response asks us to wait (`retry-after-ms`, then `Retry-After`), if it says. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  return parseDelay(value, now);
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now` (0 for a date in the past). */
function parseDelay(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse accepts bare numbers and other oddities; an HTTP date always names a weekday or month.
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** GitLab's `RateLimit-Reset` (epoch seconds; delta seconds when small, per the IETF draft) in ms from `now`. */
export function rateLimitResetMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get("ratelimit-reset")?.trim();
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const seconds = Number(value);
  if (seconds >= EPOCH_SECONDS_THRESHOLD) return Math.max(0, seconds * 1000 - now);
  return seconds * 1000;
}

/** Whatever wait the server asked for: `retry-after-ms`, `Retry-After`, then `RateLimit-Reset`. */
export function serverDelayMs(headers: Headers, now = Date.now()): number | undefined {
  return retryAfterMs(headers, now) ?? rateLimitResetMs(headers, now);
}

/** Backoff before retry number `retry` (0-based): 0.5 s · 2ⁿ capped at 8 s, minus up to 25 % jitter. */
export function backoffMs(retry: number, random = Math.random): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

/**
 * How long to wait before retrying a retryable status, or undefined to surface the response. The caller
 * has already checked the method is idempotent and that retries are left.
 */
export function retryDelayFor(
  status: number,
  headers: Headers,
  attempt: number,
  policy: RetryPolicy = {},
  random: () => number = Math.random,
): number | undefined {
  const custom = policy.delay?.(status, headers, attempt);
  if (custom === false) return undefined;
  if (typeof custom === "number" && Number.isFinite(custom) && custom >= 0) return custom;
  const asked = serverDelayMs(headers);
  if (asked !== undefined) return asked <= (policy.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS) ? asked : undefined;
  if (status === 429 && policy.retryOn429WithoutRetryAfter === false) return undefined;
  return backoffMs(attempt, random);
}
