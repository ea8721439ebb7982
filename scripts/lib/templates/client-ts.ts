// src/client.ts of a vendor package: createXClient = every operation of the spec as a generated method (core's
// createVendorClient interprets the generated table), plus the vendor's flows, the only hand-written part; and
// createXApi, the light factory: only `api` and `baseUrl`, through the same option handling (core's, with META).
import { commentSafe, isPerTenant, type TemplateContext } from "./context.js";

export function clientTsTemplate({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  const perTenant = isPerTenant(vendor);
  const template = `\`${commentSafe(vendor.productionUrl)}\``;
  const options = perTenant
    ? `export interface ${id}ClientOptions extends ClientOptions {
  /** Your tenant's base URL, following the spec's template ${template}. */
  baseUrl: string;
}`
    : `export interface ${id}ClientOptions extends ClientOptions {}`;
  return `import { type ClientOptions, createVendorApi, createVendorClient, type VendorApi } from "@dataclients/core";
import { type Operations, operations, PRODUCTION_BASE_URL, paging } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

${perTenant ? "" : `/** The documented production base URL. */\nexport const DEFAULT_BASE_URL = PRODUCTION_BASE_URL as string;\n\n`}${options}

// Both factories: core checks the options, resolves the base URL and binds the credential the same way.
const META = { name: ${JSON.stringify(vendor.displayName)}, defaultBaseUrl: PRODUCTION_BASE_URL };

/**
 * Only the typed openapi-fetch client (\`{ data, error, response }\`, never throws) and \`baseUrl\`, with the same
 * options and checks as create${id}Client, but none of its methods or paginators in your bundle.
 */
export function create${id}Api(options: ${id}ClientOptions${perTenant ? "" : " = {}"}): VendorApi<paths> {
  return createVendorApi<paths>(options, META);
}

/**
 * Creates ${/^[aeiou]/i.test(vendor.displayName) ? "an" : "a"} ${commentSafe(vendor.displayName)} client: a typed method per operation of the spec (\`op(...pathParams, input?, options?)\`),
 * \`paginate\` over every list, and \`api\`, the raw openapi-fetch client.${perTenant ? ` \`baseUrl\` is required (${template}).` : ""}
 */
export function create${id}Client(options: ${id}ClientOptions${perTenant ? "" : " = {}"}) {
  const { client } = createVendorClient<paths, Operations>(options, {
    ...META,
    operations,
    paging,
    authHint: "auth: bearer(token)",
  });
  // The vendor's flows (login, waits, uploads) go here: \`return withFlows(client, flows(client))\`. A flow named
  // after an operation replaces its generated method (generatedMethods(client) still reaches it).
  return client;
}

export type ${id}Client = ReturnType<typeof create${id}Client>;
`;
}
