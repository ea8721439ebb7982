// The two ways to obtain Solucao42 tokens. Each is a strategy that a client binds to itself (core's
// AuthStrategy.bind): the login and refresh requests then go through that client's base URL and options, the
// JWT is refreshed before its 600 s expiry, and a rejected refresh token means a new login.
import { withSafeDescription } from "@dataclients/auth";
import { type AuthBinding, type AuthStrategy, ConfigurationError, requireNonEmpty } from "@dataclients/core";
import type { components } from "./generated/schema.js";
import { bindSession, type Solucao42SessionAuth } from "./session.js";

type Schemas = components["schemas"];

/** The login request a credential makes: which operation, and its body. Secrets stay in a closure. */
export type LoginRequest =
  | { operation: "createTokenFromApiKey"; body: Schemas["ApiKeyLoginRequest"] }
  | { operation: "loginWithPassword"; body: Schemas["PasswordLoginRequest"] };

/** Long-lived credentials; a client exchanges them for tokens when it binds them. */
export interface Solucao42Credentials extends AuthStrategy {
  readonly kind: "api-key" | "password";
  bind(binding: AuthBinding): Solucao42SessionAuth;
}

function credentials(
  kind: Solucao42Credentials["kind"],
  login: () => LoginRequest,
  label: string,
): Solucao42Credentials {
  return withSafeDescription(
    {
      kind,
      headerNames: ["authorization"],
      schemes: ["bearerAuth"],
      authenticate() {
        // Only a client calls a strategy, and a client binds it first.
        throw new ConfigurationError(
          `${label}: pass it to createSolucao42Client({ auth }) rather than using it directly`,
        );
      },
      bind: (binding: AuthBinding) => bindSession(login, binding),
    },
    `[Solucao42Credentials ${label}]`,
  );
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
  return credentials(
    "api-key",
    () => ({
      operation: "createTokenFromApiKey",
      body: { company_slug: companySlug, api_key: apiKey, api_secret: apiSecret },
    }),
    `api-key ${companySlug}`,
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
  return credentials(
    "password",
    () => ({ operation: "loginWithPassword", body: { company_slug: companySlug, email, password } }),
    `password ${companySlug}`,
  );
}
