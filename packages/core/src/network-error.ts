// How a platform network error is described in a message: a failure to connect (with its code) is not
// the same as a connection that broke after the request was sent, and the message says which.
import { isConnectFailure, networkErrorCode } from "./retry-policy.js";

export function describeNetworkError(error: unknown, afterResponse = false): string {
  const code = networkErrorCode(error);
  if (!afterResponse && isConnectFailure(error)) return `could not connect (${code})`;
  if (code) {
    return afterResponse
      ? `the connection was closed or reset before the whole body arrived (${code})`
      : `the connection was closed or reset before a response arrived (${code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (afterResponse) return `the body was cut off (${message})`;
  return message;
}
