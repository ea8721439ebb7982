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
