// Datagrok answers some failures with status 200 and an `api-error` response header; the body is then the error
// text (often a JSON ApiError). This hook runs in core on every 2xx of every generated method and flow, so such an
// answer is always thrown as DatagrokApiError and never returned as data. A function call may also answer a JSON
// body `{ "#type": "ApiError", … }` without the header; `callFunction` checks that (see functions.ts).
import {
  ApiError,
  type ApiErrorInit,
  type ClassifyResponse,
  errorInitOf,
  redactUrl,
  scrubForResponse,
} from "@dataclients/core";

/** The header that marks a 200 answer as a failure. */
export const API_ERROR_HEADER = "api-error";

/** The longest error body read into memory (an error text, not data); a longer one is left out. */
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

/** core's `classifyResponse` hook: a 2xx with `api-error` becomes a DatagrokApiError. */
export const classifyDatagrokResponse: ClassifyResponse = async (response) => {
  const sent = response.headers.get(API_ERROR_HEADER);
  if (sent === null) return;
  // The body is read capped; one cut short or too long is left out, and the header still carries the message.
  const init = await errorInitOf(response, { maxBytes: MAX_ERROR_TEXT, bodyErrors: "omit" });
  // A server that echoes the request (its headers, its token) into the error must not put it into ours: ApiError
  // scrubs the body, headers and message; the header value also becomes `code`, so it is scrubbed here.
  throw new DatagrokApiError({ ...init, headerValue: scrubForResponse(response, sent) });
};

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
