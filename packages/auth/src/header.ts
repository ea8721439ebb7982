import { type AuthStrategy, ConfigurationError } from "@dataclients/core";
import { withSafeDescription } from "./inspect.js";
import { checkTokenSource, setsToken, type TokenSource } from "./token-source.js";

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A credential in a custom header, e.g. `header("private-token", pat)` or `header("x-auth-token", key)`.
 * Header names are case-insensitive on the wire.
 */
export function header(name: string, value: TokenSource): AuthStrategy {
  if (typeof name !== "string" || !HEADER_NAME.test(name)) {
    throw new ConfigurationError(`header(name, value): "${name}" is not a valid HTTP header name`);
  }
  checkTokenSource(value, `header("${name}", value)`);
  const lower = name.toLowerCase();
  return withSafeDescription(
    {
      kind: `header ${lower}`,
      headerNames: [lower],
      authenticate: setsToken(lower, value, `header("${name}", value)`, (token) => token),
      ...(typeof value === "function" ? { onUnauthorized: async () => true } : {}),
    },
    `[AuthStrategy header ${lower}]`,
  );
}
