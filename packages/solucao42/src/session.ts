// Binds credentials to a client: login and refresh go through an unauthenticated twin of the client
// (same base URL, fetch, timeouts), and the session keeps the last `user` the server returned.
import { createSession, type SessionAuth, type SessionTokens } from "@dataclients/auth";
import { type ApiClient, unwrap } from "@dataclients/core";
import type { Solucao42Credentials } from "./credentials.js";
import type { paths } from "./generated/schema.js";
import type { AuthUser, TokenResponse } from "./types.js";

export interface Solucao42Session {
  auth: SessionAuth;
  /** The user of the last login response, if any. */
  user(): AuthUser | undefined;
}

export function bindCredentials(credentials: Solucao42Credentials, tokenClient: ApiClient<paths>): Solucao42Session {
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

  const auth = createSession({
    async login({ signal }) {
      const { path, body } = credentials.loginRequest();
      const init = tokenClient.requestInit({ signal });
      // Both login paths share the request and response shapes; the union is narrowed per path.
      const result =
        path === "/api/v1/auth/api-key"
          ? await tokenClient.api.POST(path, { body, ...init })
          : await tokenClient.api.POST(path, { body, ...init });
      return toTokens(unwrap(result));
    },
    async refresh(refreshToken, { signal }) {
      const result = await tokenClient.api.POST("/api/v1/auth/refresh", {
        body: { refresh_token: refreshToken },
        ...tokenClient.requestInit({ signal }),
      });
      return toTokens(unwrap(result));
    },
  });
  return { auth, user: () => user };
}
