// src/index.ts of a vendor package: the public surface and nothing else, in the order Biome's organizeImports keeps.
import { isPerTenant, type TemplateContext } from "./context.js";

export function indexTsTemplate({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  const values = isPerTenant(vendor) ? `create${id}Client` : `create${id}Client, DEFAULT_BASE_URL`;
  return [
    `export { ApiError } from "@dataclients/core";`,
    `export type { ${id}Client, ${id}ClientOptions } from "./client.js";`,
    `export { ${values} } from "./client.js";`,
    `export type { components, operations, paths } from "./generated/schema.js";`,
    "",
  ].join("\n");
}
