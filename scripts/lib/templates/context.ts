// What every scaffold template is rendered from: the registry entry plus a little of the spec.

import type { Vendor } from "../registry.js";
import type { SpecOperation } from "../spec-operations.js";

export interface TemplateContext {
  vendor: Vendor;
  /** The spec's info.title. */
  title: string;
  operations: readonly SpecOperation[];
}

/** A production URL with {variables} is a per-tenant host: no default base URL, `baseUrl` is required. */
export function isPerTenant(vendor: Vendor): boolean {
  return vendor.productionUrl.includes("{");
}

export function packageDescription(title: string): string {
  return `Typed TypeScript client for ${title.trim().replace(/\.+$/, "")}.`;
}

/** Text safe inside a /** … *\/ comment. */
export function commentSafe(text: string): string {
  return text.replaceAll("*/", "*\\/");
}
