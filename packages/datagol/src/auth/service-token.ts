// serviceToken: a service-account token the user already has, sent as `x-auth-token` to the noCo endpoints only.
import { byScheme, header, type TokenSource } from "@dataclients/auth";
import { type AuthStrategy, ConfigurationError } from "@dataclients/core";
import { NAME, securityForUrl } from "./binding.js";
import { RENEW_ON } from "./login.js";

/**
 * `x-auth-token: <service-account token>` on the noCo endpoints (never on the IdP ones, which need the user JWT:
 * calling one fails before sending). Pass a function to supply the current token per attempt; a 401/403 then
 * replays the request once with the function's next answer.
 */
export function serviceToken(token: TokenSource): AuthStrategy {
  if (typeof token !== "function" && (typeof token !== "string" || token.trim() === "")) {
    throw new ConfigurationError(
      `${NAME} serviceToken(token): pass the service-account token (a non-empty string) or a function returning it`,
    );
  }
  const strategy = header("x-auth-token", token);
  return byScheme(
    { serviceToken: Object.assign(strategy, { renewOn: RENEW_ON }) },
    { securityFor: securityForUrl, name: `${NAME} serviceToken` },
  );
}
