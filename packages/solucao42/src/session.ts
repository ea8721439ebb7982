// A credential bound to a client: login and refresh are the spec's token operations, called through the typed
// openapi-fetch client of a credential-free twin (same base URL and options); the session keeps the last `user` the
// server returned. The raw client rather than generated methods: a program on createSolucao42Api + apiKeyAuth then
// carries no operation table, interpreter or flows.
import { createSession, type SessionAuth, type SessionTokens } from "@dataclients/auth";
import { type AuthBinding, createBindingClient, unwrap } from "@dataclients/core";
import type { LoginRequest } from "./credentials.js";
import type { paths } from "./generated/schema.js";
import type { AuthUser, TokenResponse } from "./types.js";

export interface Solucao42SessionAuth extends SessionAuth {
  /** The user of the last login response, if any. */
  user(): AuthUser | undefined;
}

export function bindSession(login: () => LoginRequest, binding: AuthBinding): Solucao42SessionAuth {
  const tokens = createBindingClient<paths>(binding, "Solucao42");
  let user: AuthUser | undefined;

  // A token answer that is not an object carries no access token: createSession reports that as a failed login.
  function toTokens(answer: TokenResponse | undefined): SessionTokens {
    const response = (typeof answer === "object" && answer !== null ? answer : {}) as Partial<TokenResponse>;
    if (response.user) user = response.user;
    return {
      accessToken: response.access_token as string,
      expiresIn: response.access_token_expires_in,
      refreshToken: response.refresh_token,
      refreshExpiresIn: response.refresh_token_expires_in,
    };
  }

  const session = createSession({
    async login({ signal }) {
      const request = login();
      const secretValues = Object.values(request.body).filter((value): value is string => typeof value === "string");
      // The secrets sent never appear in an error. Both login operations answer the same shape.
      const init = tokens.requestInit({ signal, secretValues });
      const result =
        request.operation === "createTokenFromApiKey"
          ? await tokens.api.POST("/api/v1/auth/api-key", { body: request.body, ...init })
          : await tokens.api.POST("/api/v1/auth/login", { body: request.body, ...init });
      return toTokens(unwrap(result));
    },
    async refresh(refreshToken, { signal }) {
      const result = await tokens.api.POST("/api/v1/auth/refresh", {
        body: { refresh_token: refreshToken },
        ...tokens.requestInit({ signal, secretValues: [refreshToken] }),
      });
      return toTokens(unwrap(result));
    },
  });
  return Object.assign(session, { schemes: ["bearerAuth"], user: () => user });
}
