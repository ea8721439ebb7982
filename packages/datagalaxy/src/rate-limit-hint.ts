// A 429 from DataGalaxy may mean the caller's IP address is now blocked for 15 minutes; the RateLimitError the
// client throws says so, whichever method or list raised it. Core builds the error before the vendor sees it
// (and has no per-vendor hint yet), so the client's methods are wrapped here, once, at construction.
import type { PageIterator } from "@dataclients/core";
import { RateLimitError } from "@dataclients/core";

export const RATE_LIMIT_HINT =
  "The IP address may now be blocked for 15 minutes (DataGalaxy's rate limit: 28,800 requests per hour); wait before sending more requests";

/** Adds the hint to a RateLimitError's message (once); any other value is returned as is. */
export function withRateLimitHint(error: unknown): unknown {
  if (!(error instanceof RateLimitError) || error.message.includes(RATE_LIMIT_HINT)) return error;
  const before = error.message;
  const message = `${before}. ${RATE_LIMIT_HINT}`;
  Object.defineProperty(error, "message", { value: message, writable: true, configurable: true });
  if (typeof error.stack === "string") error.stack = error.stack.replace(before, message);
  return error;
}

const rethrow = (error: unknown): never => {
  throw withRateLimitHint(error);
};

function isPageIterator(value: unknown): value is PageIterator<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PageIterator<unknown>).pages === "function" &&
    typeof (value as PageIterator<unknown>)[Symbol.asyncIterator] === "function"
  );
}

function hintIterator<T>(iterator: AsyncIterator<T>): AsyncIterator<T> {
  return {
    next: (...args) => iterator.next(...args).catch(rethrow),
    // `break` in a for-await calls return(): it must reach the paginator (it stops the walk there).
    return: (value) =>
      iterator.return ? iterator.return(value).catch(rethrow) : Promise.resolve({ done: true, value }),
  };
}

function hintPages<T>(pages: PageIterator<T>): PageIterator<T> {
  return {
    [Symbol.asyncIterator]: () => hintIterator(pages[Symbol.asyncIterator]()),
    pages: () => ({ [Symbol.asyncIterator]: () => hintIterator(pages.pages()[Symbol.asyncIterator]()) }),
    toArray: () => pages.toArray().catch(rethrow),
  };
}

function hintResult(value: unknown): unknown {
  if (value instanceof Promise) return value.catch(rethrow);
  return isPageIterator(value) ? hintPages(value) : value;
}

/** The client with every method's RateLimitError carrying the hint (promises and paginators alike). */
export function hintRateLimits<C extends object>(client: C): C {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(client)) {
    out[key] =
      typeof value === "function" && key !== "api"
        ? (...args: unknown[]) => hintResult((value as (...a: unknown[]) => unknown).apply(client, args))
        : value;
  }
  return out as C;
}
