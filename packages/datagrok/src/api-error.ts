// Datagrok answers some failures with status 200 and an `api-error` response header; the body is then the error
// text (often a JSON ApiError). This hook runs in core on every 2xx of every generated method and flow, so such an
// answer is always thrown as DatagrokApiError and never returned as data. A function call may also answer a JSON
// body `{ "#type": "ApiError", … }` without the header; `callFunction` checks that (see functions.ts).
import {
  ApiError,
  type ApiErrorInit,
  type ClassifyResponse,
  redactUrl,
  requestInfoOf,
  scrubForResponse,
} from "@dataclients/core";

/** The header that marks a 200 answer as a failure. */
export const API_ERROR_HEADER = "api-error";

/** The longest error body read into memory (an error text, not data). */
const MAX_ERROR_TEXT = 64 * 1024;

/**
 * A Datagrok call failed although the HTTP status was 2xx: the answer carried an `api-error` header, or a function
 * call returned an object whose `#type` is `ApiError`. `status` is the HTTP status (200), `code` the vendor's error
 * text (the header's value, or its message when the header is empty), `body` the answer as sent (parsed JSON, or text).
 */
export class DatagrokApiError extends ApiError {
  override name = "DatagrokApiError";
  override readonly code: string | undefined;

  constructor(init: Omit<ApiErrorInit, "message"> & { headerValue?: string | undefined }) {
    const header = init.headerValue?.trim() || undefined;
    const detail = vendorMessageOf(init.body) ?? header;
    super({
      ...init,
      message: `${init.method} ${redactUrl(init.url)} answered ${init.status}, but Datagrok reports an error${detail ? `: ${truncate(detail)}` : ""}`,
    });
    this.code = header ?? detail;
  }
}

/** The vendor's message in an error body: the `message` (or `error`) field of a JSON ApiError, or the text itself. */
function vendorMessageOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  if (typeof body === "object" && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ["message", "error", "errorMessage"]) {
      const value = record[key];
      if (typeof value === "string" && value.trim() !== "") return value.trim();
    }
  }
  return undefined;
}

/** Parses a text body as JSON when it is JSON, keeping the text otherwise. */
function parseLoose(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readErrorText(response: Response): Promise<string> {
  if (!response.body) return "";
  // An error text is short; read at most MAX_ERROR_TEXT bytes and drop the rest.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (total >= MAX_ERROR_TEXT) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    // The error is the answer itself; a body cut short still leaves the header's message.
    await reader.cancel().catch(() => undefined);
  }
  return text + decoder.decode();
}

/** core's `classifyResponse` hook: a 2xx with `api-error` becomes a DatagrokApiError. */
export const classifyDatagrokResponse: ClassifyResponse = async (response) => {
  const sent = response.headers.get(API_ERROR_HEADER);
  if (sent === null) return;
  // A server that echoes the request (its headers, its token) into the error must not put it into ours.
  const headerValue = scrubForResponse(response, sent);
  const body = scrubForResponse(response, parseLoose(await readErrorText(response)));
  const info = requestInfoOf(response);
  throw new DatagrokApiError({
    status: response.status,
    statusText: response.statusText,
    body,
    method: info?.method ?? "REQUEST",
    url: info?.url ?? response.url,
    headers: new Headers(scrubForResponse(response, [...response.headers])),
    headerValue,
  });
};

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
