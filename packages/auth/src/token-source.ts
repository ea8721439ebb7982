import { type AuthStrategy, ConfigurationError } from "@dataclients/core";

/** A credential value, or a function that returns the current one (re-evaluated on every attempt). */
export type TokenSource = string | ((context: { signal?: AbortSignal }) => string | Promise<string>);

// HTTP header values are bytes: fetch rejects anything above U+00FF with a TypeError that quotes the value.
const NON_LATIN1 = /[^\0-\u00ff]/;
const LATIN1_RULE = "must contain only characters up to U+00FF (an HTTP header carries it; encode it first)";

export function checkTokenSource(source: unknown, what: string): void {
  if (typeof source === "function") return;
  if (typeof source !== "string" || source.trim() === "") {
    throw new ConfigurationError(`${what} must be a non-empty string or a function returning one`);
  }
  if (/[\r\n\0]/.test(source)) throw new ConfigurationError(`${what} must not contain line breaks or NUL characters`);
  if (NON_LATIN1.test(source)) throw new ConfigurationError(`${what} ${LATIN1_RULE}`);
}

export async function resolveToken(source: TokenSource, what: string, signal?: AbortSignal): Promise<string> {
  const value = typeof source === "function" ? await source({ signal }) : source;
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(`${what}: the token provider returned an empty value`);
  }
  // Headers.set would reject it with a TypeError that quotes the value, i.e. the secret.
  if (/[\r\n\0]/.test(value)) {
    throw new ConfigurationError(`${what}: the token provider returned a value with a line break or NUL character`);
  }
  if (NON_LATIN1.test(value))
    throw new ConfigurationError(`${what}: the token provider returned a value that ${LATIN1_RULE}`);
  return value;
}

/**
 * An `authenticate` that writes `format(token)` into header `name`: for a fixed token the value is built (and was
 * checked, by checkTokenSource) once and set synchronously, since it runs on every attempt; a function is called
 * on every attempt and its value checked.
 */
export function setsToken(
  name: string,
  source: TokenSource,
  what: string,
  format: (token: string) => string,
): AuthStrategy["authenticate"] {
  if (typeof source === "string") {
    const value = format(source);
    return (headers) => {
      headers.set(name, value);
    };
  }
  return async (headers, { signal }) => {
    headers.set(name, format(await resolveToken(source, what, signal)));
  };
}
