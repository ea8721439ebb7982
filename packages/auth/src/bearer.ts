import type { AuthStrategy } from "@dataclients/core";
import { withSafeDescription } from "./inspect.js";
import { checkTokenSource, setsToken, type TokenSource } from "./token-source.js";

/**
 * `Authorization: Bearer <token>`. Pass a function to supply a fresh token per attempt; a 401 then
 * replays the request once with whatever the function returns next.
 */
export function bearer(token: TokenSource): AuthStrategy {
  checkTokenSource(token, "bearer(token)");
  return withSafeDescription(
    {
      kind: "bearer",
      headerNames: ["authorization"],
      authenticate: setsToken("authorization", token, "bearer(token)", (value) => `Bearer ${value}`),
      ...(typeof token === "function" ? { onUnauthorized: async () => true } : {}),
    },
    "[AuthStrategy bearer]",
  );
}
