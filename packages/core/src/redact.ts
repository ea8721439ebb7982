// Secrets never reach an error message, a log line or util.inspect output: everything that may carry a
// request's URL, headers or body to a human goes through these helpers first.

export const REDACTED = "[REDACTED]";

/** Field and query-parameter names whose values are secrets (compared case-insensitively). */
export const SECRET_FIELD_NAMES: readonly string[] = [
  "token",
  "private_token",
  "job_token",
  "access_token",
  "refresh_token",
  "api_key",
  "api_secret",
  "password",
  "client_secret",
];

/** Header names whose values are secrets (lower-case). */
export const SECRET_HEADER_NAMES: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "private-token",
  "job-token",
  "x-auth-token",
  "x-api-key",
  "api-key",
];

const secretFields = new Set(SECRET_FIELD_NAMES);
const secretHeaders = new Set(SECRET_HEADER_NAMES);

export function isSecretField(name: string): boolean {
  const lower = name.toLowerCase();
  // Form encodings nest secrets as `variables[token]` or `token[]`; the innermost name decides.
  const inner = lower.replace(/\[\]$/, "").match(/([^[\]]+)\]?$/)?.[1] ?? lower;
  return secretFields.has(lower) || secretFields.has(inner);
}

export function isSecretHeader(name: string, extra: Iterable<string> = []): boolean {
  const lower = name.toLowerCase();
  if (secretHeaders.has(lower)) return true;
  for (const candidate of extra) if (candidate.toLowerCase() === lower) return true;
  return false;
}

/** The URL with secret query values and any userinfo replaced. Accepts anything; never throws. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(/([?&][^=&#]*(?:token|secret|password|api_key)[^=&#]*=)[^&#]*/gi, `$1${REDACTED}`);
  }
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSecretField(key)) parsed.searchParams.set(key, REDACTED);
  }
  // URLSearchParams re-encodes the brackets; keep the redacted form readable.
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** A plain object copy of the headers with secret values replaced. */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  extra: Iterable<string> = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  const extraNames = [...extra];
  for (const [name, value] of entries) out[name] = isSecretHeader(name, extraNames) ? REDACTED : value;
  return out;
}

/** A deep copy of a JSON-like value with secret fields replaced. */
export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretField(key) ? REDACTED : redactBody(item, depth + 1);
  }
  return out;
}

// Redaction by value: the wrapper knows the credential values it sent on an attempt (and a strategy or a
// login flow may name more), so an echo of them anywhere in an error (a 5xx body quoting the request
// headers, a vendor message, a response header) is replaced even where no field name gives it away.

/** Values shorter than this are not scrubbed by value (they would mangle ordinary text); names still are. */
export const MIN_SCRUBBED_LENGTH = 4;

/** The strings to scrub for one credential header value: the value, its token part, Basic's decoded parts. */
export function secretFormsOf(value: string): string[] {
  const forms = [value];
  const scheme = value.match(/^([A-Za-z][A-Za-z0-9_-]*) +(\S.*)$/);
  if (scheme?.[2]) {
    forms.push(scheme[2]);
    if (scheme[1]?.toLowerCase() === "basic") forms.push(...basicParts(scheme[2]));
  }
  return forms.filter((f) => f.length >= MIN_SCRUBBED_LENGTH);
}

function basicParts(encoded: string): string[] {
  try {
    const decoded = atob(encoded);
    const colon = decoded.indexOf(":");
    return colon < 0 ? [decoded] : [decoded, decoded.slice(colon + 1)];
  } catch {
    return [];
  }
}

/** `text` with every occurrence of each secret replaced by [REDACTED] (longest first). */
export function scrubString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of sortedSecrets(secrets)) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A deep copy of a JSON-like value (or a Headers record) with secret values scrubbed from every string. */
export function scrubValues<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return scrubString(value, secrets) as T;
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubValues(item, secrets, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[scrubString(key, secrets)] = scrubValues(item, secrets, depth + 1);
  }
  return out as T;
}

function sortedSecrets(secrets: readonly string[]): string[] {
  // Longest first, so "Bearer abc" is replaced whole before "abc" leaves "Bearer [REDACTED]" behind.
  return secrets.filter((s) => s.length >= MIN_SCRUBBED_LENGTH).sort((a, b) => b.length - a.length);
}

/** Longest URL shown in a message; a 100 kB id must not make a 100 kB message. */
export const MAX_URL_IN_MESSAGE = 200;

/** The redacted URL, cut to MAX_URL_IN_MESSAGE characters with an ellipsis, for messages and logs. */
export function shortUrl(url: string | URL): string {
  const redacted = redactUrl(url);
  return redacted.length > MAX_URL_IN_MESSAGE ? `${redacted.slice(0, MAX_URL_IN_MESSAGE - 1)}…` : redacted;
}
