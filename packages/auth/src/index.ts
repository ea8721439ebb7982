export type { AuthStrategy } from "@dataclients/core";
export { bearer } from "./bearer.js";
export { type BySchemeOptions, byScheme } from "./by-scheme.js";
export { LoginFailedError, RenewalTimeoutError } from "./errors.js";
export { header } from "./header.js";
export { withSafeDescription } from "./inspect.js";
export { type ClaimsAccessor, claimsOf, decodeJwtPayload, jwtLifetimeSeconds, withJwtClaims } from "./jwt-claims.js";
export { createSession, type SessionAuth, type SessionOptions, type SessionTokens } from "./session.js";
export type { TokenSource } from "./token-source.js";
