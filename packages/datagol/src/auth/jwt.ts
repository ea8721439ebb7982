// Reading the user JWT that POST /idp/api/v1/user/login returns in its `Authorization` response header, and
// its lifetime (the `exp` claim), so the session logs in again shortly before it expires instead of after a 401.
import { LoginFailedError } from "@dataclients/auth";

const BEARER = /^\s*bearer(?:\s+|$)/i;

/**
 * The token of an `Authorization: Bearer <JWT>` login answer. Throws LoginFailedError (without the header's value)
 * when it is missing or empty; a browser sees the header only if the server exposes it.
 */
export function jwtFromAuthorizationHeader(value: string | null): string {
  if (value === null) {
    throw new LoginFailedError(
      "DataGOL login: the answer to POST /idp/api/v1/user/login has no `Authorization` header carrying the JWT (in a browser the server must list it in Access-Control-Expose-Headers)",
      { status: 200 },
    );
  }
  const token = value.replace(BEARER, "").trim();
  if (token === "" || /\s/.test(token)) {
    throw new LoginFailedError("DataGOL login: the `Authorization` header of the login answer is not `Bearer <JWT>`", {
      status: 200,
    });
  }
  return token;
}

/**
 * Seconds until the JWT's `exp` claim, or undefined when the token carries none, cannot be read, or is already
 * past (then the session renews only when a request is rejected).
 */
export function jwtLifetimeSeconds(token: string, nowMs: number = Date.now()): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload
      .replace(/-/g, "+")
      .replace(/_/g, "/")
      .padEnd(Math.ceil(payload.length / 4) * 4, "=");
    const claims = JSON.parse(atob(base64)) as { exp?: unknown };
    if (typeof claims?.exp !== "number" || !Number.isFinite(claims.exp)) return undefined;
    const seconds = Math.floor(claims.exp - nowMs / 1000);
    return seconds > 0 ? seconds : undefined;
  } catch {
    return undefined;
  }
}
