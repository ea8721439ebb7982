// src/index.ts of a vendor package: the public surface and nothing else, in the order Biome's organizeImports keeps.
// Every vendor re-exports the standard block (the error hierarchy, the credential strategies, the option and paging
// types) and the named schema types the generator emits (`Project`, not components["schemas"]["Project"]).
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
  "InvalidResponseError",
  "NotFoundError",
  "PermissionDeniedError",
  "PollTimeoutError",
  "RateLimitError",
  "ResponseTooLargeError",
  "ServerError",
  "TimeoutError",
  "UnprocessableEntityError",
] as const;

/** The types every package exports next to the errors. */
export const TYPE_EXPORTS = ["Download", "ListOptions", "PageIterator", "RequestOptions", "WriteOptions"] as const;

export function indexTsTemplate({ vendor, operations }: TemplateContext): string {
  const id = vendor.identifier;
  const values = isPerTenant(vendor)
    ? `create${id}Api, create${id}Client`
    : `create${id}Api, create${id}Client, DEFAULT_BASE_URL`;
  const core = [...ERROR_EXPORTS, ...TYPE_EXPORTS.map((name) => `type ${name}`), "unwrap"].sort((a, b) =>
    a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""), "en"),
  );
  return [
    `export { bearer, header } from "@dataclients/auth";`,
    `export {\n${core.map((name) => `  ${name},\n`).join("")}} from "@dataclients/core";`,
    `export type { ${id}Client, ${id}ClientOptions } from "./client.js";`,
    `export { ${values} } from "./client.js";`,
    // A spec with lists also gets the path-typed paging types, bound to its paths.
    operations.some((operation) => operation.paged)
      ? `export type {\n  ListItem,\n  ListParams,\n  ListPath,\n  OperationId,\n  Operations,\n  PaginateInit,\n} from "./generated/operations.js";`
      : `export type { OperationId, Operations } from "./generated/operations.js";`,
    `export type * from "./generated/schema.js";`,
    "",
  ].join("\n");
}
