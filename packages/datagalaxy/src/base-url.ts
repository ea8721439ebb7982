// Where the client sends requests: `baseUrl` when given, else the `pubapi` claim of a personal access token
// passed as bearer(token), validated like any base URL. Each environment has its own host, so there is no default.
import { claimsOf } from "@dataclients/auth";
import { ConfigurationError, describeValue, resolveBaseUrl } from "@dataclients/core";
import { BASE_URL_CLAIM } from "./auth.js";

export const NAME = "DataGalaxy";

const WHERE =
  'find your environment\'s API base URL in the DataGalaxy web app: profile menu (top right) → "DataGalaxy API"';

export function resolveDatagalaxyBaseUrl(baseUrl: unknown, auth: unknown): string {
  if (baseUrl !== undefined) return resolveBaseUrl(baseUrl, NAME);
  const claim = claimsOf(auth)[BASE_URL_CLAIM];
  if (claim === undefined) {
    throw new ConfigurationError(
      `${NAME}: \`baseUrl\` is required: ${WHERE}, and pass it, e.g. baseUrl: "https://<environment>.api.datagalaxy.com/v2". A personal access token passed as bearer(token) from @dataclients/datagalaxy carries it, and then no baseUrl is needed`,
    );
  }
  if (typeof claim !== "string") {
    throw new ConfigurationError(
      `${NAME}: the personal access token's \`${BASE_URL_CLAIM}\` claim is not a URL (got ${describeValue(claim)}); pass \`baseUrl\` (${WHERE})`,
    );
  }
  let resolved: string;
  try {
    resolved = resolveBaseUrl(claim, NAME);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const reason = error.message.replace(`${NAME}: `, "");
    throw new ConfigurationError(
      `${NAME}: the personal access token's \`${BASE_URL_CLAIM}\` claim is not a usable API base URL (${reason}); pass \`baseUrl\` (${WHERE})`,
    );
  }
  // Every documented base URL ends in /v2 (the API's version); a claim that names only the host gets it.
  return new URL(resolved).pathname === "/" ? `${resolved}/v2` : resolved;
}
