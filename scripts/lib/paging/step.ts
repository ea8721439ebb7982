// What every paging step sees and returns. Prism is stateless (the same example on every page), so each step
// derives the page's answer from the request alone: no state, and the same request always gets the same answer.

/** Response headers as node:http hands them over: lower-case names. */
export type HeaderMap = Record<string, string | string[] | number | undefined>;

export interface PagingRequest {
  /** The URL as the client sent it (its Host, the base path, the query): links built from it work from the client. */
  url: URL;
  /** The request's JSON body, parsed; undefined when it had none or it was not JSON. */
  body?: unknown;
}

export interface PagingAnswer {
  headers: HeaderMap;
  /** Prism's JSON body, parsed (only for steps with `rewritesBody`). */
  body?: unknown;
}

export interface PagingStep {
  /** The proxy reads and parses a JSON request body before forwarding it (the `body` style's page number). */
  readsRequestBody: boolean;
  /** The proxy buffers a 2xx JSON answer and hands its parsed body to `rewrite`. */
  rewritesBody: boolean;
  /** The answer for the requested page; returns its input unchanged when the exchange is not a paged listing. */
  rewrite(request: PagingRequest, answer: PagingAnswer): PagingAnswer;
}

/** How many pages the body-rewriting steps pretend a listing has: enough for a real multi-page walk. */
export const MOCK_PAGES = 3;

export function positiveInt(value: unknown): number | undefined {
  const n = nonNegativeInt(value);
  return n === undefined || n === 0 ? undefined : n;
}

export function nonNegativeInt(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string" || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
