// Turning a buffered body into JSON with errors that describe the body (type, size) but never quote it:
// in a token exchange the body is the token.
import { InvalidResponseError, type InvalidResponseReason } from "./errors.js";
import type { ResponseContext } from "./response-info.js";

/** What JSON value the caller expects; anything else is an InvalidResponseError. */
export type JsonExpectation = "any" | "object" | "array";

export interface JsonReadOptions {
  /** What an empty body yields: `undefined` (the spec says "no content") or an InvalidResponseError. */
  empty?: "undefined" | "error";
  /** Reject a valid JSON value of another shape (e.g. `null` where an object is expected). Default "any". */
  expect?: JsonExpectation;
}

// A JSON API answering HTML or XML is a proxy, a captive portal or a login page, not data.
const NOT_JSON = /\b(text\/html|application\/xhtml|[/+]xml)\b/i;

export function invalidResponse(
  response: Response,
  context: Pick<ResponseContext, "method" | "url" | "secrets"> | undefined,
  reason: InvalidResponseReason,
  detail: string,
): InvalidResponseError {
  return new InvalidResponseError({
    status: response.status,
    statusText: response.statusText,
    body: undefined,
    method: context?.method ?? "REQUEST",
    url: context?.url ?? response.url,
    headers: response.headers,
    secrets: context?.secrets,
    reason,
    detail,
  });
}

export function parseJsonBody(
  text: string,
  response: Response,
  context: Pick<ResponseContext, "method" | "url" | "secrets"> | undefined,
  options: JsonReadOptions = {},
): unknown {
  const contentType = response.headers.get("content-type") ?? "";
  // Only an error message needs it.
  const typeNote = () => (contentType ? `Content-Type ${contentType.split(";")[0]?.trim()}` : "no Content-Type");
  // JSON text starts with "{", "[", a quote, a digit, "-", t, f or n: only a body starting with whitespace may be blank.
  if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) {
    if (options.empty === "undefined") return undefined;
    return invalidThrow(response, context, "empty", `the body is empty where JSON was expected (${typeNote()})`);
  }
  if (NOT_JSON.test(contentType)) {
    return invalidThrow(
      response,
      context,
      "unexpected-content-type",
      `JSON was expected and the body is ${contentType.split(";")[0]?.trim()} (${text.length} characters; a proxy, sign-in or error page?)`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return invalidThrow(
      response,
      context,
      "invalid-json",
      `the body is not valid JSON (${text.length} characters, ${typeNote()})`,
    );
  }
  const expect = options.expect ?? "any";
  if (expect !== "any") {
    const isArray = Array.isArray(value);
    const ok = expect === "array" ? isArray : typeof value === "object" && value !== null && !isArray;
    if (!ok) {
      return invalidThrow(
        response,
        context,
        "unexpected-type",
        `a JSON ${expect} was expected and it is ${kindOf(value)}`,
      );
    }
  }
  return value;
}

function invalidThrow(...args: Parameters<typeof invalidResponse>): never {
  throw invalidResponse(...args);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
