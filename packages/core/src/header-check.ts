// Headers.set rejects a bad value with a TypeError that quotes it: for a credential, that puts the secret in
// the error. Values are checked here first, and the error names the header, never the value.
import { ConfigurationError } from "./errors.js";

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// The fetch spec forbids NUL, CR and LF; ByteString conversion forbids anything above U+00FF.
const BAD_VALUE = /[\0\r\n]|[^\0-\u00ff]/;

/** Why a header value cannot be sent, or undefined when it can. */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "is not a string";
  const bad = value.match(BAD_VALUE)?.[0];
  if (bad === undefined) return undefined;
  return bad === "\r" || bad === "\n" || bad === "\0"
    ? "contains a line break or NUL character"
    : "contains a character above U+00FF (HTTP header values are Latin-1; encode it first)";
}

/** Throws a ConfigurationError naming `where` and the header (not the value) when it cannot be sent. */
export function checkHeader(name: string, value: unknown, where: string): void {
  if (!HEADER_NAME.test(name)) {
    throw new ConfigurationError(`${where}: ${JSON.stringify(name.slice(0, 60))} is not a valid HTTP header name`);
  }
  const problem = headerValueProblem(value);
  if (problem) throw new ConfigurationError(`${where}: the value of header "${name}" ${problem}`);
}

/** Checks every entry of a plain headers object. */
export function checkHeaders(headers: Record<string, unknown>, where: string): void {
  for (const [name, value] of Object.entries(headers)) checkHeader(name, value, where);
}
