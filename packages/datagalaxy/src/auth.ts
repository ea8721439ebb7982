// DataGalaxy's credential: `Authorization: Bearer <token>` with an integration token or a personal access token.
// A personal access token is a JWT whose `pubapi` claim is the environment's API base URL; this `bearer` is
// @dataclients/auth's, plus a `claims()` that exposes that one claim (never the token), so the client needs
// no `baseUrl` when given such a token.
import { type ClaimsAccessor, bearer as plainBearer, type TokenSource, withJwtClaims } from "@dataclients/auth";
import type { AuthStrategy } from "@dataclients/core";

/** The JWT claim of a personal access token that holds the environment's API base URL. */
export const BASE_URL_CLAIM = "pubapi";

/**
 * `Authorization: Bearer <token>` for an integration token or a personal access token. With a personal access
 * token (a string), the client reads its API base URL from the token (claim `pubapi`, decoded, not verified).
 * Pass a function to supply a fresh token per attempt (then pass `baseUrl` too).
 */
export function bearer(token: TokenSource): AuthStrategy & ClaimsAccessor {
  return withJwtClaims(plainBearer(token), token, [BASE_URL_CLAIM]);
}
