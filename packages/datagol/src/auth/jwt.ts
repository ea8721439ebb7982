// Reading the user JWT that POST /idp/api/v1/user/login returns in its `Authorization` response header (its
// lifetime, the `exp` claim, is @dataclients/auth's jwtLifetimeSeconds).
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
