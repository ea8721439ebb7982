// DataGalaxy's documented limits, applied by the client: past 8 requests per second each request is delayed by
// 500 ms, and past 28,800 per hour the caller's IP address is blocked for 15 minutes (429). So the client
// throttles itself to 8 requests per second, and never retries a 429 blindly: only when the answer says when
// to come back (Retry-After) and that is within the retry cap.
import { type ClientOptions, ConfigurationError, describeValue } from "@dataclients/core";
import { NAME } from "./base-url.js";

/** The documented throttling threshold: requests per second before DataGalaxy starts delaying them. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 8;

/** A 429 without Retry-After is surfaced at once; a longer Retry-After than core's cap (60 s) is surfaced too. */
export const DATAGALAXY_RETRY_POLICY: NonNullable<ClientOptions["retryPolicy"]> = {
  retryOn429WithoutRetryAfter: false,
};

/**
 * The client's request rate: `maxRequestsPerSecond` (default 8; 0 = no throttle), checked here so the message
 * gives DataGalaxy's default. Core's throttle then holds every attempt (retries included) to it, and time spent
 * waiting for a turn does not count against `timeout`.
 */
export function requestRateOf(maxRequestsPerSecond: unknown): number {
  const perSecond = maxRequestsPerSecond ?? DEFAULT_MAX_REQUESTS_PER_SECOND;
  if (!(typeof perSecond === "number" && Number.isInteger(perSecond) && perSecond >= 0)) {
    throw new ConfigurationError(
      `${NAME}: \`maxRequestsPerSecond\` must be a whole number ≥ 0 (default ${DEFAULT_MAX_REQUESTS_PER_SECOND}, 0 turns throttling off); got ${describeValue(perSecond)}`,
    );
  }
  return perSecond;
}

/** The client's retry rules: DataGalaxy's, under whatever the caller set explicitly. */
export function retryPolicyOf(policy: unknown): unknown {
  if (policy === undefined) return DATAGALAXY_RETRY_POLICY;
  // Anything but an object goes to core untouched, to be rejected with its message.
  return typeof policy === "object" && policy !== null ? { ...DATAGALAXY_RETRY_POLICY, ...policy } : policy;
}

/** Appended to every 429 error's message (core's errorHints): DataGalaxy blocks the caller's IP after a 429. */
export const RATE_LIMIT_HINT =
  "The IP address may now be blocked for 15 minutes (DataGalaxy's rate limit: 28,800 requests per hour); wait before sending more requests";
