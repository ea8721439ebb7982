// Query objects → query strings, honouring each parameter's OpenAPI style: form + explode (the default) repeats
// the name (`a=1&a=2`), comma/space/pipe join the values, deepObject nests (`a[b]=1`). Booleans are the literals
// true/false; undefined is left out; null is sent empty (an explicit "no value"); objects need deepObject.

import { describeValue } from "./describe-value.js";
import { ConfigurationError } from "./errors.js";

export type QueryStyle = "comma" | "space" | "pipe" | "deepObject";

const JOINERS: Record<Exclude<QueryStyle, "deepObject">, string> = { comma: ",", space: " ", pipe: "|" };

function text(name: string, value: unknown, vendor: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new ConfigurationError(
        `${vendor}: query parameter \`${name}\` must be a finite number; got ${describeValue(value)}`,
      );
    return String(value);
  }
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new ConfigurationError(
    `${vendor}: query parameter \`${name}\` must be a string, number or boolean; got ${describeValue(value)}`,
  );
}

// Brackets stay readable in names (`scope[]`, `filter[environment_scope]`, as GitLab documents them and
// openapi-fetch sends them); everything else is percent-encoded (a space is %20, never +).
function pair(name: string, value: string): string {
  return `${encodeURIComponent(name).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(value)}`;
}

/** `?a=1&b=x` (with the leading `?`), or "" when nothing is set. */
export function serializeQuery(
  query: unknown,
  styles: Readonly<Record<string, QueryStyle>> | undefined,
  vendor: string,
): string {
  if (query === undefined || query === null) return "";
  if (typeof query !== "object" || Array.isArray(query)) {
    throw new ConfigurationError(
      `${vendor}: the query must be an object of parameter names to values; got ${describeValue(query)}`,
    );
  }
  const params: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const style = styles?.[name];
    if (style === "deepObject" && typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (inner !== undefined) params.push(pair(`${name}[${key}]`, text(`${name}[${key}]`, inner, vendor)));
      }
    } else if (Array.isArray(value)) {
      const items = value.map((item) => text(name, item, vendor));
      if (style && style !== "deepObject") params.push(pair(name, items.join(JOINERS[style])));
      else for (const item of items) params.push(pair(name, item));
    } else {
      params.push(pair(name, text(name, value, vendor)));
    }
  }
  return params.length ? `?${params.join("&")}` : "";
}
