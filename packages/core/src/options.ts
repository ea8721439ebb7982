// Client and call options, validated at construction so that a mistake fails before any request.
import type { AuthStrategy } from "./auth-strategy.js";
import { describeValue } from "./describe-value.js";
import { ConfigurationError } from "./errors.js";
import { checkHeaders } from "./header-check.js";
import type { Logger } from "./logger.js";
import type { RetryPolicy } from "./retry-policy.js";

export interface ClientOptions {
  /** The API's base URL. Optional where the vendor has one production URL. */
  baseUrl?: string;
  /** A credential strategy from @dataclients/auth (or the vendor package). */
  auth?: AuthStrategy;
  /** A fetch implementation (tests, proxies, instrumentation). Defaults to globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per attempt before it is abandoned. Default 65 000. */
  timeout?: number;
  /** Retries for connection errors, 408, 429 and 5xx on idempotent requests. Default 2. */
  maxRetries?: number;
  /** Headers sent with every request (never use them for credentials: use `auth`). */
  headers?: Record<string, string>;
  /** Receives one line per attempt, retry and re-authentication; secrets are redacted. */
  logger?: Logger;
  /**
   * Largest response body read into memory (JSON, text, error bodies); a larger one fails with
   * ResponseTooLargeError. Streams are not limited. Default 64 MiB; 0 for no limit.
   */
  maxResponseBytes?: number;
  /** The vendor's retry rules (e.g. never retry a 429 without Retry-After). */
  retryPolicy?: RetryPolicy;
  /**
   * Most requests this client starts per second, all callers and retries together; 0 or absent: no limit. Time
   * spent waiting for a turn does not count against `timeout`.
   */
  maxRequestsPerSecond?: number;
}

/** The last argument of every helper. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /**
   * Secret values this call sends outside the auth strategy (a login's API key or password in the body),
   * scrubbed from any error it raises.
   */
  secretValues?: readonly string[];
}

export const DEFAULT_TIMEOUT_MS = 65_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_RETRIES = 2;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname.endsWith(".localhost");
}

/**
 * The base URL to use, without a trailing slash. Throws a ConfigurationError that says what to fix
 * for a missing, empty, malformed, non-HTTP(S), credential-bearing or plain-http-to-remote URL.
 */
export function resolveBaseUrl(value: unknown, name: string, defaultBaseUrl?: string): string {
  if (value === undefined) {
    if (defaultBaseUrl) return defaultBaseUrl.replace(/\/+$/, "");
    throw new ConfigurationError(
      `${name}: \`baseUrl\` is required (each tenant has its own host); pass it, e.g. baseUrl: "https://<your-host>"`,
    );
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(
      `${name}: \`baseUrl\` must be a non-empty absolute URL such as "https://api.example.com"; got ${describeValue(value)}`,
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigurationError(
      `${name}: \`baseUrl\` "${value}" is not an absolute URL; include the scheme, e.g. "https://${value.replace(/^\/+/, "")}"`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(
      `${name}: \`baseUrl\` must use https:// (or http:// to a loopback host); got "${url.protocol}"`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${name}: \`baseUrl\` must not contain credentials; pass them with \`auth\``);
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(
      `${name}: \`baseUrl\` must not contain a query or fragment; got "${url.search}${url.hash}"`,
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `${name}: \`baseUrl\` uses plain http:// to the remote host "${url.hostname}", which would send credentials unencrypted; use https:// (http:// is allowed only for localhost/127.0.0.1)`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** Validates the numeric and structural options shared by every client and call. */
export function validateCommonOptions(options: ClientOptions | RequestOptions, name: string): void {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError(`${name}: options must be an object; got ${describeValue(options)}`);
  }
  const timeout: unknown = options.timeout;
  if (timeout !== undefined && !(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0)) {
    throw new ConfigurationError(
      `${name}: \`timeout\` must be a positive number of milliseconds; got ${describeValue(timeout)}`,
    );
  }
  const retries: unknown = options.maxRetries;
  if (retries !== undefined && !(Number.isInteger(retries) && (retries as number) >= 0 && (retries as number) <= 10)) {
    throw new ConfigurationError(
      `${name}: \`maxRetries\` must be a whole number from 0 to 10; got ${describeValue(retries)}`,
    );
  }
  if (options.headers !== undefined) {
    if (typeof options.headers !== "object" || options.headers === null || Array.isArray(options.headers)) {
      throw new ConfigurationError(`${name}: \`headers\` must be an object of header names to string values`);
    }
    checkHeaders(options.headers, `${name}: \`headers\``);
  }
  const secrets: unknown = (options as RequestOptions).secretValues;
  if (secrets !== undefined && !(Array.isArray(secrets) && secrets.every((s) => typeof s === "string"))) {
    throw new ConfigurationError(`${name}: \`secretValues\` must be an array of strings`);
  }
}

/**
 * Checks a client's options, naming the option and the fix. `tokenHint` is how this vendor wraps a token ("auth:
 * privateToken(token)"): a bare token given as `auth` gets it in the message.
 */
export function validateClientOptions(options: ClientOptions, name: string, tokenHint?: string): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigurationError(`${name}: options must be an object; got ${describeValue(options)}`);
  }
  validateCommonOptions(options, name);
  validateLogger(options.logger, name);
  const max: unknown = options.maxResponseBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && (max as number) >= 0)) {
    throw new ConfigurationError(
      `${name}: \`maxResponseBytes\` must be a whole number of bytes (0 for no limit); got ${describeValue(max)}`,
    );
  }
  validateRetryPolicy(options.retryPolicy, name);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ConfigurationError(`${name}: \`fetch\` must be a function with the signature of globalThis.fetch`);
  }
  checkAuthOption(options.auth, name, tokenHint);
  const rate = options.maxRequestsPerSecond;
  if (rate !== undefined && !(typeof rate === "number" && Number.isInteger(rate) && rate >= 0)) {
    throw new ConfigurationError(
      `${name}: \`maxRequestsPerSecond\` must be a whole number ≥ 0 (0 turns throttling off); got ${describeValue(rate)}`,
    );
  }
}

/** Rejects a required string option that is missing or blank, naming the option. */
export function requireNonEmpty(value: unknown, option: string, name: string, hint = ""): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(`${name}: \`${option}\` must be a non-empty string${hint ? ` (${hint})` : ""}`);
  }
  return value;
}

const LOGGER_METHODS = ["debug", "info", "warn", "error"] as const;

function validateLogger(logger: unknown, name: string): void {
  if (logger === undefined) return;
  const shape = "an object with debug/info/warn/error functions, such as console";
  if (typeof logger !== "object" || logger === null) {
    throw new ConfigurationError(`${name}: \`logger\` must be ${shape}; got ${describeValue(logger)}`);
  }
  const record = logger as Record<string, unknown>;
  for (const method of LOGGER_METHODS) {
    if (record[method] !== undefined && typeof record[method] !== "function") {
      throw new ConfigurationError(
        `${name}: \`logger.${method}\` must be a function; got ${describeValue(record[method])}`,
      );
    }
  }
  if (!LOGGER_METHODS.some((method) => typeof record[method] === "function")) {
    throw new ConfigurationError(`${name}: \`logger\` must be ${shape}; it has none of them`);
  }
}

function validateRetryPolicy(policy: unknown, name: string): void {
  if (policy === undefined) return;
  if (typeof policy !== "object" || policy === null) {
    throw new ConfigurationError(`${name}: \`retryPolicy\` must be an object; got ${describeValue(policy)}`);
  }
  const p = policy as Record<string, unknown>;
  if (p.retryOn429WithoutRetryAfter !== undefined && typeof p.retryOn429WithoutRetryAfter !== "boolean") {
    throw new ConfigurationError(`${name}: \`retryPolicy.retryOn429WithoutRetryAfter\` must be a boolean`);
  }
  const max = p.maxRetryAfterMs;
  if (max !== undefined && !(typeof max === "number" && Number.isFinite(max) && max >= 0)) {
    throw new ConfigurationError(
      `${name}: \`retryPolicy.maxRetryAfterMs\` must be a number of milliseconds; got ${describeValue(max)}`,
    );
  }
  if (p.delay !== undefined && typeof p.delay !== "function") {
    throw new ConfigurationError(`${name}: \`retryPolicy.delay\` must be a function`);
  }
}

/** `auth` must be a credential strategy; a bare token gets the vendor's way to wrap it in the message. */
export function checkAuthOption(auth: unknown, name: string, tokenHint = "auth: bearer(token)"): void {
  if (typeof auth === "string") {
    throw new ConfigurationError(`${name}: \`auth\` must be a strategy; wrap the token: ${tokenHint}`);
  }
  const strategy = auth as { authenticate?: unknown; bind?: unknown } | undefined;
  // A login strategy may be bindable only (it becomes a full strategy when a client binds it).
  if (strategy !== undefined && typeof strategy?.authenticate !== "function" && typeof strategy?.bind !== "function") {
    throw new ConfigurationError(`${name}: \`auth\` must be a strategy such as bearer(token) from @dataclients/auth`);
  }
}
