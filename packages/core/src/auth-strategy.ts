// The contract between the fetch wrapper and a credential strategy (implemented in @dataclients/auth).
// The wrapper calls `authenticate` on every attempt, and only for requests to the configured origin.

export interface AuthContext {
  /** The URL the request is about to be sent to (always the configured origin). */
  url: URL;
  signal?: AbortSignal | undefined;
}

export interface UnauthorizedContext {
  /** The headers the rejected attempt carried: tells whether the credential has changed since. */
  sentHeaders: Headers;
  signal?: AbortSignal | undefined;
}

export interface AuthStrategy {
  /** A short, secret-free description for logs ("bearer", "header private-token", "session"). */
  readonly kind: string;
  /** Header names this strategy writes; they are stripped on redirects away from the origin and redacted. */
  readonly headerNames: readonly string[];
  /** Sets the credential on the outgoing headers. */
  authenticate(headers: Headers, context: AuthContext): void | Promise<void>;
  /**
   * The server answered 401. Return true when a new credential is ready and the request should be
   * replayed once; false to surface the 401. Absent: 401 is final.
   */
  onUnauthorized?(context: UnauthorizedContext): Promise<boolean>;
}
