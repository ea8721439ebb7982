// A response of a generated method or a flow → data or a typed error. The vendor's `classifyResponse` hook runs
// first on every answer (Datagrok raises its `api-error` header there), so no success path skips it.

import { type Download, downloadOf } from "./download.js";
import { apiErrorFor, DataclientsError } from "./errors.js";
import { requestInfoOf } from "./fetch-wrapper.js";

/** Runs on every response before data or a stream is returned; throw to turn an answer into an error. */
export type ClassifyResponse = (response: Response) => void | Promise<void>;

export type ResponseKind = "json" | "download" | "empty";

function where(response: Response): { method: string; url: string } {
  const info = requestInfoOf(response);
  return { method: info?.method ?? "REQUEST", url: info?.url ?? response.url };
}

/** Throws the typed ApiError for a non-2xx response (its body read, parsed when JSON, redacted). */
export async function throwForStatus(response: Response): Promise<void> {
  if (response.ok) return;
  const text = await response.text().catch(() => "");
  let body: unknown = text || undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  throw apiErrorFor({
    status: response.status,
    statusText: response.statusText,
    body,
    ...where(response),
    headers: response.headers,
  });
}

/** The parsed JSON of a 2xx response; a body that is not JSON is a typed error that never quotes it. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") {
    if (response.status === 204 || response.status === 205) return undefined;
    const { method, url } = where(response);
    throw new DataclientsError(
      `${method} ${url} answered ${response.status} with an empty body where JSON was expected`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const { method, url } = where(response);
    const type = response.headers.get("content-type") ?? "no content type";
    throw new DataclientsError(`${method} ${url} answered ${response.status} with a body that is not JSON (${type})`);
  }
}

/** The answer as its operation declares it: parsed JSON, a Download, or nothing. */
export async function readResponse(
  response: Response,
  kind: ResponseKind,
  classify?: ClassifyResponse,
): Promise<unknown> {
  await throwForStatus(response);
  if (classify) await classify(response);
  if (kind === "download") return downloadOf(response) satisfies Download;
  if (kind === "empty") {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  return readJson(response);
}
