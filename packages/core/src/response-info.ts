// What the wrapper knows about each response it returns, kept in a private field of the Response: no enumeration,
// inspection, JSON or reflection reaches it, so nothing secret is reachable from the object a caller logs or
// inspects. (A private field, where a WeakMap entry cost ~0.3 µs and ephemeron work for the GC on every response.)
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
  // The response's buffered readers (response-guard's GuardedBody), with typed errors, the deadline and the cap:
  /** Sets the cap for the next buffered read (readBody's `maxBytes`). */
  limit(maxBytes: number): void;
  bytes(): Promise<Uint8Array>;
  /** The body as text, never scrubbed. */
  rawText(): Promise<string>;
  /** Releases the body unread, ending the call. */
  cancel(reason?: unknown): Promise<void>;
}

// The "return override" idiom: a base constructor that returns its argument lets a subclass add its private field
// to an object it did not create.
class ReturnsTarget {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the idiom itself (see above).
    return target;
  }
}

class ContextSlot extends ReturnsTarget {
  #context: ResponseContext;

  private constructor(target: object, context: ResponseContext) {
    super(target);
    this.#context = context;
  }

  static set(response: object, context: ResponseContext): void {
    // A fetch stub may answer with the same Response object twice.
    if (#context in response) (response as ContextSlot).#context = context;
    else new ContextSlot(response, context);
  }

  static get(response: object): ResponseContext | undefined {
    return #context in response ? (response as ContextSlot).#context : undefined;
  }
}

export function recordResponse(response: Response, context: ResponseContext): void {
  ContextSlot.set(response, context);
}

/** Internal: everything recorded for a response (never exported from the package). */
export function contextOf(response: Response): ResponseContext | undefined {
  return ContextSlot.get(response);
}

/** The method and final URL that produced a response returned by the wrapper. */
export function requestInfoOf(response: Response): ResponseInfo | undefined {
  const context = contextOf(response);
  return context && { method: context.method, url: context.url };
}

/**
 * `value` with every credential the request that produced `response` carried replaced by a placeholder: for a
 * vendor that builds an error from a successful answer (Datagrok's `api-error` 200), as core does for a non-2xx.
 */
export function scrubForResponse<T>(response: Response, value: T): T {
  const secrets = contextOf(response)?.secrets;
  return secrets?.length ? scrubValues(value, secrets) : value;
}
