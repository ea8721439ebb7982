// The bridge from openapi-fetch's `{ data, error, response }` to "return data or throw a typed error".
import type { Middleware } from "openapi-fetch";
import { apiErrorFor } from "./errors.js";
import { contextOf } from "./response-info.js";

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns `data` of a successful openapi-fetch result, or throws the matching ApiError subclass. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { response } = result;
  if (response.ok) return result.data as T;
  const info = contextOf(response);
  throw apiErrorFor({
    status: response.status,
    statusText: response.statusText,
    body: result.error,
    method: info?.method ?? "REQUEST",
    url: info?.url ?? response.url,
    headers: response.headers,
    // The credentials sent on that attempt: an error body that echoes them is scrubbed.
    secrets: info?.secrets,
  });
}

/**
 * openapi-fetch middleware that turns every non-2xx response into a thrown ApiError, for code that
 * prefers try/catch on the raw client too: `client.api.use(throwOnError())`.
 */
export function throwOnError(): Middleware {
  return {
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      const text = await response.clone().text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text.
      }
      const info = contextOf(response);
      throw apiErrorFor({
        status: response.status,
        statusText: response.statusText,
        body,
        method: info?.method ?? request.method,
        url: info?.url ?? request.url,
        headers: response.headers,
        secrets: info?.secrets,
      });
    },
  };
}
