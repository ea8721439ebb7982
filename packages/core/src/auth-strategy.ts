// The contract between the fetch wrapper and a credential strategy (implemented in @dataclients/auth).
// The wrapper calls `authenticate` on every attempt, and only for requests to the configured origin.
import type { ClientOptions } from "./options.js";
import type { Throttle } from "./throttle.js";

export interface AuthContext {
  /** The URL the request is about to be sent to (always the configured origin). */
  url: URL;
  signal?: AbortSignal | undefined;
  /**
   * The operation's security alternatives from the spec (each a list of scheme names that together
   * satisfy it), when the request comes from a generated method. A strategy holding several credentials
   * picks the one that applies; absent for raw `api` calls, where it falls back to its own rule.
   */
  security?: readonly (readonly string[])[] | undefined;
}

export interface UnauthorizedContext {
  /** The headers the rejected attempt carried: tells whether the credential has changed since. */
  sentHeaders: Headers;
  signal?: AbortSignal | undefined;
  /** The status that asked for a renewal (one of `renewOn`); absent when called outside the wrapper. */
  status?: number | undefined;
}

/**
 * What a client gives a strategy that makes requests of its own (a login, a token exchange, a refresh): the
 * client's resolved base URL and its options without `auth`, so those requests get the same fetch, timeouts,
 * retries and logger, and never carry the credential being obtained.
 */
export interface AuthBinding {
  baseUrl: string;
  options: Omit<ClientOptions, "auth" | "baseUrl">;
  /** The client's request throttle (from `maxRequestsPerSecond`): the strategy's requests take their turns too. */
  throttle?: Throttle;
}

/** The statuses that mean "renew the credential" when a strategy does not say. */
export const DEFAULT_RENEW_ON: readonly number[] = [401];

export interface AuthStrategy {
  /** A short, secret-free description for logs ("bearer", "header private-token", "session"). */
  readonly kind: string;
  /** Header names this strategy writes; they are stripped on redirects away from the origin and redacted. */
  readonly headerNames: readonly string[];
  /**
   * The spec's security scheme names this strategy can satisfy (`["serviceToken", "jwtBearer"]`); absent means
   * any. A generated method checks it before sending, so a missing credential fails without a request.
   */
  readonly schemes?: readonly string[];
  /**
   * Called once by each client created with this strategy, before any request. A strategy that logs in
   * (`apiKeyAuth`, `datagolLogin`) returns a strategy bound to that client; plain ones (`bearer`) omit it.
   */
  bind?(binding: AuthBinding): AuthStrategy;
  /** Sets the credential on the outgoing headers. */
  authenticate(headers: Headers, context: AuthContext): void | Promise<void>;
  /**
   * The statuses that mean "renew the credential" (default [401]; a vendor that answers an expired token
   * with 403 says [401, 403]). Renewal happens at most once per call; the same status on the replay that
   * follows is returned as the real answer.
   */
  readonly renewOn?: readonly number[];
  /**
   * The server answered one of `renewOn`. Return true when a new credential is ready and the request should
   * be replayed once; false to surface the response. Absent: the status is final.
   */
  onUnauthorized?(context: UnauthorizedContext): Promise<boolean>;
  /**
   * Secret values the strategy holds beyond the headers it sets (a refresh token, the current access token
   * when it is sent elsewhere), scrubbed from every error. The header values it set are scrubbed anyway.
   */
  secretValues?(): readonly string[];
}
