// The session's own failures, in core's hierarchy: catching AuthenticationError covers a rejected credential
// (the server's 401) and a login that could not produce one. Messages carry no secret, and a cause is kept
// only when it is one of core's errors (already redacted): a platform error may quote the token.
import { AuthenticationError, DataclientsError } from "@dataclients/core";

/**
 * Logging in or refreshing did not produce a usable access token: no token in the answer, a token that
 * cannot be sent in a header, an answer that was not JSON, or a login function that failed. `status` is
 * the HTTP status when one is known, else 0. An HTTP error of the exchange itself (ApiError, TimeoutError,
 * ConnectionError) is passed through unchanged instead.
 */
export class LoginFailedError extends AuthenticationError {
  override name = "LoginFailedError";
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super({ status: options.status ?? 0, body: undefined, method: "SESSION", url: "", message });
    if (options.cause instanceof DataclientsError) {
      Object.defineProperty(this, "cause", { value: options.cause, configurable: true, writable: true });
    }
  }
}

/** A renewal (login or refresh) took longer than the session's `renewalTimeout`: its waiters fail, the next call tries again. */
export class RenewalTimeoutError extends LoginFailedError {
  override name = "RenewalTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(
      `session: renewing the access token took longer than ${timeoutMs} ms and was abandoned; the next request tries again (raise \`renewalTimeout\` if the token endpoint is that slow)`,
    );
  }
}
