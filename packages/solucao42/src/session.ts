// A credential bound to a client: login and refresh are the spec's token operations, called through a client
// without credentials on the same base URL and options; the session keeps the last `user` the server returned.
import { createSession, type SessionAuth, type SessionTokens } from "@dataclients/auth";
import { type AuthBinding, createVendorClient } from "@dataclients/core";
import type { LoginRequest } from "./credentials.js";
import { type Operations, operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import type { AuthUser, TokenResponse } from "./types.js";

export interface Solucao42SessionAuth extends SessionAuth {
  /** The user of the last login response, if any. */
  user(): AuthUser | undefined;
}

export function bindSession(login: () => LoginRequest, binding: AuthBinding): Solucao42SessionAuth {
  const { client: tokens } = createVendorClient<paths, Operations>(
    { ...binding.options, baseUrl: binding.baseUrl },
    { name: "Solucao42", operations, authHint: "auth: apiKeyAuth({ companySlug, apiKey, apiSecret })" },
  );
  let user: AuthUser | undefined;

  function toTokens(response: TokenResponse): SessionTokens {
    if (response.user) user = response.user;
    return {
      accessToken: response.access_token,
      expiresIn: response.access_token_expires_in,
      refreshToken: response.refresh_token,
      refreshExpiresIn: response.refresh_token_expires_in,
    };
  }

  const session = createSession({
    async login({ signal }) {
      const request = login();
      const secrets = Object.values(request.body).filter((value): value is string => typeof value === "string");
      // Both login operations share the request and response shapes.
      const answer =
        request.operation === "createTokenFromApiKey"
          ? await tokens.createTokenFromApiKey(request.body, { signal, secretValues: secrets })
          : await tokens.loginWithPassword(request.body, { signal, secretValues: secrets });
      return toTokens(answer);
    },
    async refresh(refreshToken, { signal }) {
      return toTokens(
        await tokens.refreshToken({ refresh_token: refreshToken }, { signal, secretValues: [refreshToken] }),
      );
    },
  });
  return Object.assign(session, { schemes: ["bearerAuth"], user: () => user });
}
