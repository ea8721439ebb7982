// Simulates "a 200 that is an error": some APIs (Datagrok) answer a failed call with status 200, the error text
// in an `api-error` response header and as the body. Prism cannot produce that, so the proxy does, per request:
//
//   Prefer: api-error=<text>                 e.g. Prefer: api-error=Table%20%22sales%22%20not%20found
//   Prefer: code=200, api-error=<text>       combined with Prism's own preferences (comma-separated, RFC 7240)
//
// <text> is percent-decoded (encodeURIComponent it; a `,` or `;` inside must be %2C / %3B), and may also be a
// quoted string. The proxy removes the preference, forwards the rest of the request to Prism (so credentials
// and the body are still validated: a 401 or 422 wins), and turns Prism's 2xx into
// `200`, `api-error: <text>`, `content-type: text/plain; charset=utf-8`, body <text>. Any vendor, no opt-in.

export const API_ERROR_PREFERENCE = "api-error";

export type ApiErrorPreference =
  /** No api-error preference: forward the Prefer header as it is. */
  | { kind: "none" }
  | {
      kind: "api-error";
      text: string /** Prefer without the api-error entry; undefined when nothing is left. */;
      prefer?: string;
    }
  | { kind: "invalid"; reason: string };

export function readApiErrorPreference(prefer: string | string[] | undefined): ApiErrorPreference {
  if (prefer === undefined) return { kind: "none" };
  const entries = (Array.isArray(prefer) ? prefer : [prefer]).flatMap(splitPreferences);
  const index = entries.findIndex((entry) => preferenceName(entry) === API_ERROR_PREFERENCE);
  if (index < 0) return { kind: "none" };
  const entry = entries[index] as string;
  const rest = entries.filter((_, i) => i !== index);
  const raw = entry.slice(entry.indexOf("=") + 1).trim();
  if (!entry.includes("=") || raw === "") {
    return { kind: "invalid", reason: "Prefer: api-error needs a text: api-error=<percent-encoded text>" };
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
  return { kind: "api-error", text, ...(rest.length > 0 ? { prefer: rest.join(", ") } : {}) };
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
