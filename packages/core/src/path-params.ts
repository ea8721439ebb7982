// Path parameters → URL segments, validated before anything is sent: a value that is missing, empty, not a string
// or number, or a dot segment would change which route the request reaches (`getProject("..")` would be
// `GET /api/v4/`), so it is refused with a message that names the parameter. How a value is encoded is declared
// per parameter in the spec (`x-dataclients-path`, see specs/README.md), never coded per method.
import { describeValue } from "./describe-value.js";
import { ConfigurationError } from "./errors.js";

export type PathEncoding = "segment" | "multi-segment" | "grok-name" | "comma-list" | "id-or-path";

const DOT_SEGMENT = /^\.{1,2}$/;

function fail(name: string, what: string, value: unknown, vendor: string): never {
  throw new ConfigurationError(`${vendor}: path parameter \`${name}\` ${what}; got ${describeValue(value)}`);
}

function scalar(name: string, value: unknown, vendor: string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(name, "must be a finite number or a non-empty string", value, vendor);
    return String(value);
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value !== "string") fail(name, "must be a string or a number", value, vendor);
  if (value === "") fail(name, "must not be empty", value, vendor);
  return value;
}

function segment(name: string, text: string, vendor: string, original: unknown = text): string {
  if (DOT_SEGMENT.test(text)) fail(name, 'must not be "." or ".." (it would change the route)', original, vendor);
  return encodeURIComponent(text);
}

/** The URL text for one path parameter, encoded as its spec declares. */
export function encodePathParam(name: string, value: unknown, encoding: PathEncoding, vendor: string): string {
  switch (encoding) {
    case "comma-list": {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) fail(name, "must list at least one value", value, vendor);
      return items.map((item) => segment(name, scalar(name, item, vendor), vendor, item)).join(",");
    }
    case "multi-segment": {
      const text = scalar(name, value, vendor);
      const parts = text.split("/");
      if (parts.some((part) => part === ""))
        fail(name, "must not have empty segments (a leading, trailing or double /)", value, vendor);
      return parts.map((part) => segment(name, part, vendor, value)).join("/");
    }
    case "grok-name":
      // Datagrok addresses entities as "Namespace:Name" in its UI and "Namespace.Name" in REST paths.
      return segment(name, scalar(name, value, vendor).replaceAll(":", "."), vendor, value);
    case "id-or-path": {
      if (typeof value === "number" && !(Number.isInteger(value) && value > 0)) {
        fail(name, 'must be a positive whole number or a path such as "group/project"', value, vendor);
      }
      let text = scalar(name, value, vendor).trim();
      if (text === "") fail(name, 'must be a numeric id or a path such as "group/project"', value, vendor);
      // An already encoded path ("group%2Fproject") is decoded first, so it is not encoded twice.
      if (!text.includes("/") && /%2f/i.test(text)) text = safeDecode(text);
      if (text.startsWith("/") || text.endsWith("/") || text.includes("//")) {
        fail(
          name,
          'is not a full path; write it as "group/project" without leading, trailing or double slashes',
          value,
          vendor,
        );
      }
      return segment(name, text, vendor, value);
    }
    default:
      return segment(name, scalar(name, value, vendor), vendor, value);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An integer id (`type: integer` in the spec): a whole number from `minimum` up, or its digits as a string. */
function integer(name: string, value: unknown, minimum: number, vendor: string): number {
  const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === "number" && Number.isInteger(number) && number >= minimum) return number;
  const what = minimum === 1 ? "a positive whole number" : `a whole number from ${minimum}`;
  return fail(name, `must be ${what}`, value, vendor);
}

/** Fills a path template ("/projects/{id}/jobs/{job_id}") from values in path order. */
export function fillPath(
  template: string,
  params: readonly (readonly [name: string, encoding: PathEncoding, minimum?: number])[],
  values: readonly unknown[],
  vendor: string,
): string {
  let path = template;
  params.forEach(([name, encoding, minimum], index) => {
    const value = minimum === undefined ? values[index] : integer(name, values[index], minimum, vendor);
    path = path.replace(`{${name}}`, encodePathParam(name, value, encoding, vendor));
  });
  return path;
}
