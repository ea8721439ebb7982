// Some tokens say where they belong: a DataGalaxy personal access token is a JWT whose payload names the API
// base URL of its environment (`pubapi`). A strategy built with withJwtClaims can tell a client such named
// claims (and nothing else: never the token, never the other claims), so the client can configure itself.
// The payload is decoded, NOT verified: use it for configuration only, never to decide what to trust.
import type { AuthStrategy } from "@dataclients/core";
import type { TokenSource } from "./token-source.js";

/** A strategy that exposes some claims of its token (see withJwtClaims). */
export interface ClaimsAccessor {
  /** The exposed claims present in the token's payload; `{}` when the token is not a JWT or has none of them. */
  claims(): Readonly<Record<string, unknown>>;
}

/**
 * The payload of a JWT (`header.payload.signature`, base64url JSON), decoded without verifying the signature;
 * undefined when the value is not a JWT with a JSON object payload.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "="));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return typeof payload === "object" && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seconds until the JWT's `exp` claim, or undefined when the token carries none, cannot be read, or is already past
 * (a session then renews only when a request is rejected). Decoded, not verified: for scheduling a renewal only.
 */
export function jwtLifetimeSeconds(token: string, nowMs: number = Date.now()): number | undefined {
  const exp = decodeJwtPayload(token)?.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return undefined;
  const seconds = Math.floor(exp - nowMs / 1000);
  return seconds > 0 ? seconds : undefined;
}

/**
 * Adds a non-enumerable `claims()` to `strategy` that returns only the `names` claims of `token` (a JWT, read
 * once without verifying it). A token given as a function is not read: `claims()` is then `{}`.
 */
export function withJwtClaims<T extends AuthStrategy>(
  strategy: T,
  token: TokenSource,
  names: readonly string[],
): T & ClaimsAccessor {
  let exposed: Readonly<Record<string, unknown>> | undefined;
  const claims = () => {
    if (exposed === undefined) {
      const payload = typeof token === "string" ? decodeJwtPayload(token) : undefined;
      const picked: Record<string, unknown> = {};
      for (const name of names) if (payload && Object.hasOwn(payload, name)) picked[name] = payload[name];
      exposed = Object.freeze(picked);
    }
    return exposed;
  };
  Object.defineProperty(strategy, "claims", { value: claims, enumerable: false });
  return strategy as T & ClaimsAccessor;
}

/** The claims a strategy exposes (withJwtClaims), or `{}` for any other strategy or value. */
export function claimsOf(strategy: unknown): Readonly<Record<string, unknown>> {
  const accessor = (strategy as Partial<ClaimsAccessor> | null | undefined)?.claims;
  if (typeof accessor !== "function") return {};
  const claims: unknown = accessor.call(strategy);
  return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : {};
}
