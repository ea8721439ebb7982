// src/index.ts of a vendor package: the public surface and nothing else, in the order Biome's organizeImports keeps.
// Every vendor re-exports the whole error hierarchy (users catch `NotFoundError` without importing core) and the
// named schema types the generator emits as root aliases (`Project`, not components["schemas"]["Project"]).
import { isPerTenant, type TemplateContext } from "./context.js";

/** The error classes every client throws, from @dataclients/core. */
export const ERROR_EXPORTS = [
  "AbortError",
  "ApiError",
  "AuthenticationError",
  "BadRequestError",
  "ConfigurationError",
  "ConflictError",
  "ConnectionError",
  "DataclientsError",
  "NotFoundError",
  "PermissionDeniedError",
  "PollTimeoutError",
  "RateLimitError",
  "ServerError",
  "TimeoutError",
  "UnprocessableEntityError",
] as const;

export function indexTsTemplate({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  const values = isPerTenant(vendor) ? `create${id}Client` : `create${id}Client, DEFAULT_BASE_URL`;
  return [
    `export {\n${ERROR_EXPORTS.map((name) => `  ${name},\n`).join("")}} from "@dataclients/core";`,
    `export type { ${id}Client, ${id}ClientOptions } from "./client.js";`,
    `export { ${values} } from "./client.js";`,
    `export type * from "./generated/schema.js";`,
    "",
  ].join("\n");
}
