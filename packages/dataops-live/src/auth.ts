// The DataOps.live credential: a personal, project or group access token in the `PRIVATE-TOKEN` header.
import { header, type TokenSource } from "@dataclients/auth";
import type { AuthStrategy } from "@dataclients/core";

/**
 * `PRIVATE-TOKEN: <token>` (header names are case-insensitive; GitLab and DataOps.live accept either case).
 * Pass a function to supply the current token per attempt: a 401 then replays the request once with the
 * function's next answer. Pipeline trigger tokens do not go here: pass them to `triggerPipeline`.
 */
export function privateToken(token: TokenSource): AuthStrategy {
  return header("private-token", token);
}
