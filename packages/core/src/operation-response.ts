// A response of a generated method or a flow → data or a typed error. The vendor's `classifyResponse` hook runs
// first on every successful answer (Datagrok raises its `api-error` header there), so no success path skips it.
import { type Download, downloadOf } from "./download.js";
import type { JsonExpectation } from "./json-body.js";
import { readBody, responseError } from "./response-body.js";

/** Runs on every 2xx response before data or a stream is returned; throw to turn an answer into an error. */
export type ClassifyResponse = (response: Response) => void | Promise<void>;

export type ResponseKind = "json" | "download" | "empty";

export interface ReadResponseOptions {
  classify?: ClassifyResponse;
  /** The JSON answer's expected top-level type. */
  expect?: JsonExpectation;
  /** An empty JSON answer is returned as undefined rather than an error. */
  emptyOk?: boolean;
}

/** The answer as its operation declares it: parsed JSON, a Download, or nothing; a non-2xx is its typed ApiError. */
export async function readResponse(
  response: Response,
  kind: ResponseKind,
  options: ReadResponseOptions = {},
): Promise<unknown> {
  if (!response.ok) throw await responseError(response);
  if (options.classify) await options.classify(response);
  if (kind === "download") return downloadOf(response) satisfies Download;
  if (kind === "empty") {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  return readBody(response, "json", {
    expect: options.expect ?? "any",
    empty: options.emptyOk || response.status === 204 ? "undefined" : "error",
  });
}
