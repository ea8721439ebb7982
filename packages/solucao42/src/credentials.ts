// The two ways to obtain Solucao42 tokens. Each is exchanged for a JWT session by the client, which
// refreshes it before the 600 s expiry and logs in again when the refresh token is rejected.
import { withSafeDescription } from "@dataclients/auth";
import { ConfigurationError, requireNonEmpty } from "@dataclients/core";
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

/** Long-lived credentials; the client exchanges them for tokens. Secrets stay in a closure. */
export interface Solucao42Credentials {
  readonly kind: "api-key" | "password";
  /** @internal The login request: which path, and its body. */
  readonly loginRequest: () =>
    | { path: "/api/v1/auth/api-key"; body: Schemas["ApiKeyLoginRequest"] }
    | { path: "/api/v1/auth/login"; body: Schemas["PasswordLoginRequest"] };
}

const NAME = "Solucao42 apiKeyAuth";

/** An integration user's API key: `apiKeyAuth({ companySlug: "acme", apiKey: "s42_...", apiSecret })`. */
export function apiKeyAuth(options: { companySlug: string; apiKey: string; apiSecret: string }): Solucao42Credentials {
  if (typeof options !== "object" || options === null)
    throw new ConfigurationError(`${NAME}: pass { companySlug, apiKey, apiSecret }`);
  const companySlug = requireNonEmpty(options.companySlug, "companySlug", NAME, 'the company\'s slug, e.g. "acme"');
  const apiKey = requireNonEmpty(options.apiKey, "apiKey", NAME, 'it starts with "s42_"');
  const apiSecret = requireNonEmpty(options.apiSecret, "apiSecret", NAME);
  if (!apiKey.startsWith("s42_")) {
    throw new ConfigurationError(`${NAME}: \`apiKey\` must start with "s42_" (did you swap apiKey and apiSecret?)`);
  }
  return withSafeDescription(
    {
      kind: "api-key" as const,
      loginRequest: () => ({
        path: "/api/v1/auth/api-key" as const,
        body: { company_slug: companySlug, api_key: apiKey, api_secret: apiSecret },
      }),
    },
    `[Solucao42Credentials api-key ${companySlug}]`,
  );
}

/** A console user's e-mail and password (console login; prefer API keys for integrations). */
export function passwordAuth(options: { companySlug: string; email: string; password: string }): Solucao42Credentials {
  const name = "Solucao42 passwordAuth";
  if (typeof options !== "object" || options === null)
    throw new ConfigurationError(`${name}: pass { companySlug, email, password }`);
  const companySlug = requireNonEmpty(options.companySlug, "companySlug", name);
  const email = requireNonEmpty(options.email, "email", name);
  const password = requireNonEmpty(options.password, "password", name);
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new ConfigurationError(`${name}: \`email\` "${email}" is not an e-mail address`);
  return withSafeDescription(
    {
      kind: "password" as const,
      loginRequest: () => ({
        path: "/api/v1/auth/login" as const,
        body: { company_slug: companySlug, email, password },
      }),
    },
    `[Solucao42Credentials password ${companySlug}]`,
  );
}

export function isSolucao42Credentials(value: unknown): value is Solucao42Credentials {
  return (
    typeof value === "object" && value !== null && "loginRequest" in value && typeof value.loginRequest === "function"
  );
}
