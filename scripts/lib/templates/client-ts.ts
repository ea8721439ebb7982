// src/client.ts of a vendor package: createXClient over core's createApiClient, the place for hand-written helpers.
import { commentSafe, isPerTenant, type TemplateContext } from "./context.js";

export function clientTsTemplate(context: TemplateContext): string {
  return isPerTenant(context.vendor) ? perTenantClient(context) : singleUrlClient(context);
}

const IMPORTS = `import { type ClientOptions, createApiClient } from "@dataclients/core";
import type { paths } from "./generated/schema.js";`;

function singleUrlClient({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  return `${IMPORTS}

/** The documented production base URL. */
export const DEFAULT_BASE_URL = ${JSON.stringify(vendor.productionUrl)};

export interface ${id}ClientOptions extends ClientOptions {}

${docComment([intro(vendor.displayName)])}
export function create${id}Client(options: ${id}ClientOptions = {}) {
${createCore(vendor.displayName, "DEFAULT_BASE_URL")}
  return { api: core.api, baseUrl: core.baseUrl };
}

export type ${id}Client = ReturnType<typeof create${id}Client>;
`;
}

function perTenantClient({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  const template = `\`${commentSafe(vendor.productionUrl)}\``;
  const perTenant = `The base URL is per tenant (${template}), so \`baseUrl\` is required.`;
  return `${IMPORTS}

export interface ${id}ClientOptions extends ClientOptions {
  /** Your tenant's base URL, following the spec's template ${template}. */
  baseUrl: string;
}

${docComment([intro(vendor.displayName), perTenant])}
export function create${id}Client(options: ${id}ClientOptions) {
${createCore(vendor.displayName)}
  return { api: core.api, baseUrl: core.baseUrl };
}

export type ${id}Client = ReturnType<typeof create${id}Client>;
`;
}

function intro(displayName: string): string {
  const article = /^[aeiou]/i.test(displayName) ? "an" : "a";
  return `Creates ${article} ${commentSafe(displayName)} client. \`api\` is the typed openapi-fetch client for every operation.`;
}

// Lines stay within 120 columns the way Biome would break them, so a fresh scaffold passes `pnpm lint`.
function docComment(lines: string[]): string {
  const oneLine = `/** ${lines.join(" ")} */`;
  return oneLine.length <= 120 ? oneLine : ["/**", ...lines.map((line) => ` * ${line}`), " */"].join("\n");
}

function createCore(displayName: string, defaultBaseUrl?: string): string {
  const fields = [`name: ${JSON.stringify(displayName)}`];
  if (defaultBaseUrl) fields.push(`defaultBaseUrl: ${defaultBaseUrl}`);
  const oneLine = `  const core = createApiClient<paths>(options, { ${fields.join(", ")} });`;
  if (oneLine.length <= 120) return oneLine;
  return `  const core = createApiClient<paths>(options, {\n${fields.map((field) => `    ${field},\n`).join("")}  });`;
}
