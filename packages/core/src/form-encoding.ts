// Form bodies the way Rails/Rack (GitLab, Grape, many Ruby and PHP APIs) read them: nested objects as bracketed
// keys (`a[b][c]=v`), arrays as `a[]=v`, arrays of objects as `a[][k]=v`. Both encodings that `curl --form`
// and `curl --data` send are covered, as openapi-fetch `bodySerializer`s.
import { ConfigurationError } from "./errors.js";

export type FormFieldValue = string | Blob;
/** [name, value] pairs in order; a name may repeat (arrays). */
export type FormFields = Array<[name: string, value: FormFieldValue]>;
export type FormEncoding = "multipart" | "urlencoded";

const MAX_DEPTH = 16;

/**
 * Flattens a plain object into form fields. Top-level keys are used as written, so an already bracketed key
 * (`"permissions[project_access]"`) passes through. Values: strings as is, numbers and bigints as digits,
 * booleans as "true"/"false", Dates as ISO 8601, Blobs/Files kept (multipart only), `null` as an empty value
 * (Rails reads it as nil; no "null" text is invented), `undefined`, empty arrays and empty objects left out.
 * Error messages name the field, never its value.
 */
export function toFormFields(body: unknown): FormFields {
  if (!isPlainObject(body)) {
    throw new ConfigurationError(`form body: expected a plain object of fields; got ${describe(body)}`);
  }
  const fields: FormFields = [];
  for (const [key, value] of Object.entries(body)) add(fields, key, value, 0, false);
  return fields;
}

/** `application/x-www-form-urlencoded`. Files cannot be sent this way: use multipart. */
export function toUrlEncoded(body: unknown): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of toFormFields(body)) {
    if (typeof value !== "string") {
      throw new ConfigurationError(`form body: field "${name}" is a file; send it with multipart/form-data`);
    }
    params.append(name, value);
  }
  return params;
}

/** `multipart/form-data`, as `curl --form` sends. */
export function toFormData(body: unknown): FormData {
  const data = new FormData();
  for (const [name, value] of toFormFields(body)) data.append(name, value);
  return data;
}

/**
 * The openapi-fetch options that send `body` as a form: spread them into a call,
 * `api.POST(path, { body, ...formBodyOptions("multipart") })`. Multipart sets no Content-Type, so the
 * platform adds the boundary; URL-encoded must name its type (openapi-fetch would otherwise say JSON).
 */
export function formBodyOptions(encoding: FormEncoding): {
  bodySerializer: (body: unknown) => FormData | string;
  headers?: Record<string, string>;
} {
  if (encoding === "multipart") return { bodySerializer: toFormData };
  if (encoding === "urlencoded") {
    return {
      bodySerializer: (body) => toUrlEncoded(body).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    };
  }
  throw new ConfigurationError(
    `form body: encoding must be "multipart" or "urlencoded"; got ${JSON.stringify(encoding)}`,
  );
}

function add(fields: FormFields, name: string, value: unknown, depth: number, inArray: boolean): void {
  if (depth > MAX_DEPTH) throw new ConfigurationError(`form body: field "${name}" is nested too deeply (or circular)`);
  if (value === undefined) return;
  if (value === null) {
    fields.push([name, ""]);
    return;
  }
  switch (typeof value) {
    case "string":
      fields.push([name, value]);
      return;
    case "boolean":
      fields.push([name, value ? "true" : "false"]);
      return;
    case "bigint":
      fields.push([name, value.toString()]);
      return;
    case "number":
      if (!Number.isFinite(value)) throw new ConfigurationError(`form body: field "${name}" is not a finite number`);
      fields.push([name, String(value)]);
      return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ConfigurationError(`form body: field "${name}" is an invalid Date`);
    fields.push([name, value.toISOString()]);
    return;
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    fields.push([name, value]);
    return;
  }
  if (Array.isArray(value)) {
    // Rails cannot tell a[][] apart from a[]: nested arrays have no form encoding.
    if (inArray)
      throw new ConfigurationError(
        `form body: field "${name}" is an array inside an array, which forms cannot express`,
      );
    for (const item of value) add(fields, `${name}[]`, item, depth + 1, true);
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) add(fields, `${name}[${key}]`, item, depth + 1, false);
    return;
  }
  throw new ConfigurationError(`form body: field "${name}" is ${describe(value)}, which has no form encoding`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `a ${value.constructor?.name ?? "object"}`;
  return `a ${typeof value}`;
}
