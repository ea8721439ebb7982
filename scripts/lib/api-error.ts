// Simulates "a 200 that is an error": some APIs (Datagrok) answer a failed call with status 200, the error text
// in an `api-error` response header and as the body. Prism cannot produce that, so the proxy does, per request:
//
//   Prefer: api-error=<text>                 e.g. Prefer: api-error=Table%20%22sales%22%20not%20found
//   Prefer: code=200, api-error=<text>       combined with Prism's own preferences (comma-separated, RFC 7240)
//   Prefer: api-error                        the answer the spec declares in x-dataclients-mock.api-error
//
// <text> is percent-decoded (encodeURIComponent it; a `,` or `;` inside must be %2C / %3B), and may also be a
// quoted string. The proxy removes the preference, forwards the rest of the request to Prism (so credentials
// and the body are still validated: a 401 or 422 wins), and turns Prism's 2xx into `200`,
// `api-error: <text>`, `content-type: text/plain; charset=utf-8`, body <text>. Any vendor, no opt-in; a spec's
// `x-dataclients-mock.api-error` ({ header, value, body, contentType }) only renames the header and gives the
// bare preference its answer.
import { isObject } from "./load-spec.js";

export const API_ERROR_PREFERENCE = "api-error";

export type ApiErrorPreference =
  /** No api-error preference: forward the Prefer header as it is. */
  | { kind: "none" }
  /** `text` is undefined for a bare `api-error`; `prefer` is Prefer without the entry (undefined when empty). */
  | { kind: "api-error"; text?: string; prefer?: string }
  | { kind: "invalid"; reason: string };

export interface ApiErrorAnswer {
  header: string;
  headerValue: string;
  contentType: string;
  body: string;
}

/** What a spec root declares under x-dataclients-mock.api-error (all optional). */
export interface DeclaredApiError {
  header?: string;
  value?: string;
  contentType?: string;
  body?: string;
}

export function declaredApiError(root: unknown): DeclaredApiError | undefined {
  const mock = isObject(root) ? root["x-dataclients-mock"] : undefined;
  const declared = isObject(mock) ? mock["api-error"] : undefined;
  if (!isObject(declared)) return undefined;
  const out: DeclaredApiError = {};
  for (const key of ["header", "value", "contentType", "body"] as const) {
    if (typeof declared[key] === "string") out[key] = declared[key];
  }
  return out;
}

/** The answer for a preference, or why there is none (a bare preference on a spec that declares no text). */
export function apiErrorAnswer(
  text: string | undefined,
  declared: DeclaredApiError | undefined,
): ApiErrorAnswer | string {
  const header = declared?.header ?? API_ERROR_PREFERENCE;
  if (text !== undefined) {
    return { header, headerValue: text, contentType: "text/plain; charset=utf-8", body: text };
  }
  const body = declared?.body ?? declared?.value;
  if (body === undefined) {
    return "Prefer: api-error needs a text (api-error=<percent-encoded text>): this spec declares no x-dataclients-mock.api-error answer";
  }
  return {
    header,
    headerValue: declared?.value ?? body,
    contentType: declared?.contentType ?? "text/plain; charset=utf-8",
    body,
  };
}

export function readApiErrorPreference(prefer: string | string[] | undefined): ApiErrorPreference {
  if (prefer === undefined) return { kind: "none" };
  const entries = (Array.isArray(prefer) ? prefer : [prefer]).flatMap(splitPreferences);
  const index = entries.findIndex((entry) => preferenceName(entry) === API_ERROR_PREFERENCE);
  if (index < 0) return { kind: "none" };
  const entry = entries[index] as string;
  const rest = entries.filter((_, i) => i !== index);
  const remaining = rest.length > 0 ? { prefer: rest.join(", ") } : {};
  if (!/^[^=;]+=/.test(entry)) return { kind: "api-error", ...remaining };
  const raw = entry.slice(entry.indexOf("=") + 1).trim();
  if (raw === "") {
    return { kind: "invalid", reason: "Prefer: api-error= needs a text: api-error=<percent-encoded text>" };
  }
  let text: string;
  try {
    text = decodeURIComponent(unquote(raw));
  } catch {
    return {
      kind: "invalid",
      reason: `Prefer: api-error=${raw} is not valid percent-encoding (encode a literal % as %25)`,
    };
  }
  // node:http writes header values as Latin-1 and refuses control characters: say so instead of mangling the text.
  if (/[^\t\x20-\x7e\x80-\xff]/.test(text)) {
    return {
      kind: "invalid",
      reason: "the api-error text must fit in an HTTP header: no control characters, no characters above U+00FF",
    };
  }
  return { kind: "api-error", text, ...remaining };
}

/** Splits on commas outside quoted strings. */
function splitPreferences(header: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i] as string;
    if (ch === '"' && header[i - 1] !== "\\") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((entry) => entry.trim()).filter((entry) => entry !== "");
}

function preferenceName(entry: string): string {
  return (entry.split(/[=;]/)[0] ?? "").trim().toLowerCase();
}

function unquote(value: string): string {
  const text = value.trim();
  if (text.startsWith('"')) {
    // The closing quote is the first unescaped one after the opening quote.
    const end = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    return (end ? (end[1] as string) : text.slice(1)).replace(/\\(.)/g, "$1");
  }
  // Preference parameters (`;x=y`) are not part of the text.
  return (text.split(";")[0] ?? "").trim();
}
