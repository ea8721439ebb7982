// The spec root's `x-dataclients-paging` (specs/README.md), as the mock proxy reads it. The generator reads the
// same extension for the client side; this reader only needs what the proxy's paging steps use.
import { isObject } from "../load-spec.js";

export type PagingStyle = "headers" | "envelope" | "body";

export interface PagingConfig {
  style: PagingStyle;
  /** The page-number parameter: a query name, or for `body` a dotted path in the request's JSON body. */
  page: string;
  /** The page-size parameter, named like `page`. */
  size: string;
  /** envelope/body: the response field holding the items. */
  items?: string;
  /** envelope: the response field holding the next page's URL. */
  next?: string;
  /** The response field (envelope/body) holding the count of all items. */
  total?: string;
  /** envelope: the response field holding the count of items on this page (DataGalaxy's `total`). */
  pageTotal?: string;
}

const STYLES: readonly string[] = ["headers", "envelope", "body"];

/** The paging declaration of a parsed spec root, or undefined when it has none; a malformed one throws. */
export function pagingConfigOf(root: unknown, label: string): PagingConfig | undefined {
  const raw = isObject(root) ? root["x-dataclients-paging"] : undefined;
  if (raw === undefined) return undefined;
  const where = `${label}#/x-dataclients-paging`;
  if (!isObject(raw)) throw new Error(`${where}: must be a mapping`);
  if (typeof raw.style !== "string" || !STYLES.includes(raw.style)) {
    throw new Error(`${where}/style: must be one of ${STYLES.join(", ")} (got ${JSON.stringify(raw.style)})`);
  }
  const config: PagingConfig = { style: raw.style as PagingStyle, page: "", size: "" };
  for (const key of ["page", "size", "items", "next", "total", "pageTotal"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "") throw new Error(`${where}/${key}: must be a non-empty name`);
    config[key] = value;
  }
  if (config.page === "" || config.size === "") throw new Error(`${where}: names its \`page\` and \`size\` parameters`);
  if (config.style === "envelope" && (!config.items || !config.next)) {
    throw new Error(`${where}: an envelope style names its \`items\` and \`next\` fields`);
  }
  return config;
}
