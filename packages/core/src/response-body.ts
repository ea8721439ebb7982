// readBody: how generated operations and flows read a response, with every fault as a typed error that
// carries status, the redacted URL and requestId, and never quotes the body:
//   reset or truncation mid-body → ConnectionError · timeout → TimeoutError · caller abort → AbortError ·
//   larger than maxBytes → ResponseTooLargeError · invalid JSON, HTML instead of JSON, empty or the wrong
//   JSON shape → InvalidResponseError.
// Empty bodies are the caller's call: `empty: "undefined"` where the spec documents no content (204), the
// default "error" where data is expected; `expect: "object"` rejects `null` or a list where a record is due.
import {
  AbortError,
  type ApiError,
  type ApiErrorInit,
  apiErrorFor,
  ConfigurationError,
  ConnectionError,
  DataclientsError,
  ResponseTooLargeError,
} from "./errors.js";
import { type JsonReadOptions, parseJsonBody } from "./json-body.js";
import { describeNetworkError } from "./network-error.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./options.js";
import { redactUrl, shortUrl } from "./redact.js";
import { contextOf, type ResponseContext } from "./response-info.js";

export type BodyKind = "json" | "text" | "bytes";

export interface ReadBodyOptions extends JsonReadOptions {
  /** Cap on the bytes read into memory; default the client's `maxResponseBytes` (64 MiB); 0 for none. */
  maxBytes?: number;
}

export function readBody(response: Response, kind: "json", options?: ReadBodyOptions): Promise<unknown>;
export function readBody(response: Response, kind: "text", options?: ReadBodyOptions): Promise<string>;
export function readBody(response: Response, kind: "bytes", options?: ReadBodyOptions): Promise<Uint8Array>;
export function readBody(response: Response, kind: BodyKind, options?: ReadBodyOptions): Promise<unknown>;
/** Reads the whole body as JSON, text or bytes (whatever the status), with typed errors. */
export async function readBody(response: Response, kind: BodyKind, options: ReadBodyOptions = {}): Promise<unknown> {
  const context = contextOf(response);
  if (kind === "bytes") return readBytes(response, options.maxBytes, context);
  const text = await readText(response, options.maxBytes, context);
  if (kind === "text") return text;
  return parseJsonBody(text, response, context, options);
}

/**
 * The error to throw for a non-2xx response: the status's ApiError subclass with the body parsed (JSON, or
 * text) and secrets scrubbed, or the typed failure of reading that body (ResponseTooLargeError, …).
 */
export async function responseError(
  response: Response,
  options: { maxBytes?: number } = {},
): Promise<DataclientsError> {
  try {
    return apiErrorFor(await errorInitOf(response, options)) satisfies ApiError;
  } catch (error) {
    if (error instanceof DataclientsError) return error;
    throw error;
  }
}

/**
 * What an ApiError about `response` is built from (a vendor's own error class too): status, the body parsed (JSON,
 * or text), method, redacted-to-be URL, headers and the credentials to scrub. A body that cannot be read throws its
 * typed error, or is left out with `bodyErrors: "omit"` (an error text is a detail, not the answer).
 */
export async function errorInitOf(
  response: Response,
  options: { maxBytes?: number; bodyErrors?: "throw" | "omit" } = {},
): Promise<ApiErrorInit> {
  const context = contextOf(response);
  let text = "";
  try {
    text = await readText(response, options.maxBytes, context);
  } catch (error) {
    if (options.bodyErrors !== "omit" || !(error instanceof DataclientsError)) throw error;
  }
  let body: unknown = text === "" ? undefined : text;
  try {
    if (text !== "") body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text (scrubbed and redacted by the error).
  }
  return {
    status: response.status,
    statusText: response.statusText,
    body,
    method: context?.method ?? "REQUEST",
    url: context?.url ?? response.url,
    headers: response.headers,
    secrets: context?.secrets,
  };
}

const decoder = new TextDecoder();

function readBytes(
  response: Response,
  maxBytes: number | undefined,
  context: ResponseContext | undefined,
): Promise<Uint8Array> {
  return readWhole(
    response,
    maxBytes,
    context,
    (guard) => guard.bytes(),
    (max) => readCapped(response, max, context),
  );
}

function readText(response: Response, maxBytes: number | undefined, context: ResponseContext | undefined) {
  return readWhole(
    response,
    maxBytes,
    context,
    (guard) => guard.rawText(),
    async (max) => decoder.decode(await readCapped(response, max, context)),
  );
}

/**
 * The whole body with every fault typed: a wrapper response through its guard (which enforces the cap and the
 * timeout), any other response counted here.
 */
async function readWhole<T>(
  response: Response,
  maxBytes: number | undefined,
  context: ResponseContext | undefined,
  guarded: (guard: ResponseContext) => Promise<T>,
  unguarded: (max: number) => Promise<T>,
): Promise<T> {
  if (response.bodyUsed) throw new ConfigurationError("readBody: the response body was already read");
  const max = maxBytes ?? context?.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  try {
    if (!context) return await unguarded(max);
    context.limit(max);
    return await guarded(context);
  } catch (error) {
    throw bodyError(error, response, context);
  }
}

/** Reads a response that did not come through the wrapper, stopping past `max` bytes. */
async function readCapped(response: Response, max: number, context: ResponseContext | undefined): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (max > 0 && total > max) {
      await reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(
        {
          status: response.status,
          method: context?.method ?? "REQUEST",
          url: context?.url ?? response.url,
          headers: response.headers,
        },
        max,
      );
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

/** The chunks of a body as one array (the chunk itself when there is one: no copy). */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function bodyError(error: unknown, response: Response, context: ResponseContext | undefined): unknown {
  if (error instanceof DataclientsError) return error;
  const method = context?.method ?? "REQUEST";
  const url = context?.url ?? response.url;
  const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
  if ((error as { name?: unknown })?.name === "AbortError") {
    return new AbortError("the request was aborted by its AbortSignal while reading the body", { cause: error });
  }
  return new ConnectionError(
    `${method} ${shortUrl(url)} answered ${response.status}, but the connection failed while reading the response body: ${describeNetworkError(error, true)}`,
    method,
    redactUrl(url),
    { cause: error, status: response.status, requestId },
  );
}
