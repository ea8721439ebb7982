// Vendor-neutral auto-pagination: an async iterator over items, with a page-level variant. A vendor
// supplies `fetchPage`, which knows how its API says where the next page is.
import { ConfigurationError } from "./errors.js";
import { abortErrorFrom } from "./sleep.js";

export interface Page<T> {
  items: T[];
  /** 1-based position of this page in the walk. */
  index: number;
  /** The HTTP response of the page, for its headers. */
  response?: Response;
}

export interface FetchedPage<T, Cursor> {
  items: T[];
  /** Where the next page is; undefined on the last page. */
  next: Cursor | undefined;
  response?: Response;
}

export type PageFetcher<T, Cursor> = (
  cursor: Cursor | undefined,
  signal?: AbortSignal,
) => Promise<FetchedPage<T, Cursor>>;

export interface PaginateOptions {
  /** Stop after this many pages (the items of the last page fetched are all yielded). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface PageIterator<T> extends AsyncIterable<T> {
  /** The pages one by one, each fetched only when the previous one has been consumed. */
  pages(): AsyncIterable<Page<T>>;
  /** Every item of every page (bounded by maxPages), in order. */
  toArray(): Promise<T[]>;
}

export function paginate<T, Cursor>(fetchPage: PageFetcher<T, Cursor>, options: PaginateOptions = {}): PageIterator<T> {
  const { maxPages = Number.POSITIVE_INFINITY, signal } = options;
  if (!(maxPages >= 1)) throw new ConfigurationError(`paginate: \`maxPages\` must be at least 1; got ${maxPages}`);

  // Each page is requested only after the consumer asked for more, so stopping early leaves no request
  // in flight and nothing half-read.
  async function* pages(): AsyncGenerator<Page<T>> {
    let cursor: Cursor | undefined;
    for (let index = 1; index <= maxPages; index++) {
      if (signal?.aborted) throw abortErrorFrom(signal);
      const page = await fetchPage(cursor, signal);
      yield { items: page.items, index, response: page.response };
      if (page.next === undefined) return;
      cursor = page.next;
    }
  }

  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) yield* page.items;
  }

  return {
    [Symbol.asyncIterator]: items,
    pages,
    async toArray() {
      const all: T[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}
