import type { AuthStrategy } from "@dataclients/core";
import { withSafeDescription } from "./inspect.js";
import { checkTokenSource, resolveToken, type TokenSource } from "./token-source.js";

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
      async authenticate(headers, { signal }) {
        headers.set("authorization", `Bearer ${await resolveToken(token, "bearer(token)", signal)}`);
      },
      ...(typeof token === "function" ? { onUnauthorized: async () => true } : {}),
    },
    "[AuthStrategy bearer]",
  );
}
