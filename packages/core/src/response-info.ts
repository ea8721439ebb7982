// What the wrapper knows about each response it returns, kept beside the Response (not on it, so nothing
// secret is reachable from the object a caller logs or inspects).
import { scrubValues } from "./redact.js";

export interface ResponseInfo {
  method: string;
  url: string;
}

export interface ResponseContext extends ResponseInfo {
  /** Credential values sent on the attempt that produced it, and others the strategy or call named. */
  readonly secrets: readonly string[];
  /** The client's cap on a buffered body (0: none). */
  maxBytes: number;
  /** Retries the wrapper already spent on this call (fetchAndRead shares the budget). */
  retries: number;
  // A guarded response's buffered readers (response-guard), with typed errors, the deadline and the cap:
  /** Sets the cap for the next buffered read (readBody's `maxBytes`). */
  limit?(maxBytes: number): void;
  bytes?(): Promise<Uint8Array>;
  /** The body as text, never scrubbed. */
  rawText?(): Promise<string>;
  /** Releases the body unread, ending the call. */
  cancel?(reason?: unknown): Promise<void>;
}

const contexts = new WeakMap<Response, ResponseContext>();

export function recordResponse(response: Response, context: ResponseContext): void {
  contexts.set(response, context);
}

/** Internal: everything recorded for a response (never exported from the package). */
export function contextOf(response: Response): ResponseContext | undefined {
  return contexts.get(response);
}

/** The method and final URL that produced a response returned by the wrapper. */
export function requestInfoOf(response: Response): ResponseInfo | undefined {
  const context = contexts.get(response);
  return context && { method: context.method, url: context.url };
}

/**
 * `value` with every credential the request that produced `response` carried replaced by a placeholder: for a
 * vendor that builds an error from a successful answer (Datagrok's `api-error` 200), as core does for a non-2xx.
 */
export function scrubForResponse<T>(response: Response, value: T): T {
  const secrets = contexts.get(response)?.secrets;
  return secrets?.length ? scrubValues(value, secrets) : value;
}
