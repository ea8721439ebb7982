// Auto-pagination for APIs that say where the next page is in response headers (X-Next-Page, or Link
// rel="next" for keyset paging). A vendor wires `fetchPage` to its typed openapi-fetch call; this module
// decides the next request's query, so every list of every such vendor pages the same way.
import { ConfigurationError, DataclientsError } from "./errors.js";
import { nextPageFromHeaders, queryFromUrl } from "./page-headers.js";
import { type PageIterator, type PaginateOptions, paginate } from "./paginate.js";

export type PageQuery = Record<string, unknown>;

/** One request of the walk: the query to send, and what came back (items parsed, response for its headers). */
export type HeaderPageFetcher<T> = (
  query: PageQuery,
  signal?: AbortSignal,
) => Promise<{ items: T[] | undefined; response: Response }>;

export interface PaginateByHeadersOptions extends PaginateOptions {
  /** The first request's query. */
  query?: PageQuery;
  /** The query parameter holding the page number. Default "page". */
  pageParam?: string;
  /** Sent as the page number when `query` has none, so the first page is explicit. Omit to send no number. */
  firstPage?: number;
}

/**
 * Walks the pages of a header-paged list. After each page, the next request is the same query with the page
 * number from `X-Next-Page`, or, when only `Link: rel="next"` is sent (keyset), the query of that link. The
 * walk ends on an empty `X-Next-Page` or a missing link; totals (`X-Total`, `X-Total-Pages`) are not needed.
 */
export function paginateByHeaders<T>(
  fetchPage: HeaderPageFetcher<T>,
  options: PaginateByHeadersOptions = {},
): PageIterator<T> {
  const { query = {}, pageParam = "page", firstPage, ...paginateOptions } = options;
  const first =
    firstPage !== undefined && query[pageParam] === undefined ? { ...query, [pageParam]: firstPage } : query;
  return paginate<T, PageQuery>(async (cursor, signal) => {
    const current = cursor ?? first;
    const { items, response } = await fetchPage(current, signal);
    if (!Array.isArray(items)) {
      throw new DataclientsError(
        `paginate: expected a JSON array for the page at ${response.url || "the list"}, got ${items === null ? "null" : typeof items}`,
      );
    }
    const next = nextPageFromHeaders(response.headers);
    return { items, response, next: next && nextQuery(current, next, pageParam) };
  }, paginateOptions);
}

function nextQuery(current: PageQuery, next: { page: number } | { url: string }, pageParam: string): PageQuery {
  if ("page" in next) {
    const page = Number(current[pageParam] ?? 1);
    // A server (or a proxy) that points back would make the walk endless.
    if (Number.isFinite(page) && next.page <= page) {
      throw new DataclientsError(
        `paginate: the server named page ${next.page} as the next page after page ${page}; stopping instead of looping`,
      );
    }
    return { ...current, [pageParam]: next.page };
  }
  // Keyset links carry the complete query (cursor included); only the query is used, so the request keeps
  // the client's own base URL and never follows a link to another host.
  const query = queryFromUrl(next.url);
  if (sameQuery(query, current)) {
    throw new DataclientsError(
      'paginate: the server\'s rel="next" link repeats the current page; stopping instead of looping',
    );
  }
  return query;
}

function sameQuery(a: PageQuery, b: PageQuery): boolean {
  const normalize = (q: PageQuery) =>
    JSON.stringify(
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return normalize(a) === normalize(b);
}

export interface PageSizeRule {
  /** The query parameter, for the message ("per_page"). */
  param: string;
  /** The server's maximum page size. */
  max: number;
  /** The vendor's display name, for the message. */
  name: string;
}

/**
 * Rejects a page size the server would not honour (servers cap silently, which halves throughput unnoticed).
 * Undefined passes: the server's default applies.
 */
export function checkPageSize(value: unknown, rule: PageSizeRule): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > rule.max) {
    throw new ConfigurationError(
      `${rule.name}: \`${rule.param}\` must be a whole number from 1 to ${rule.max} (the server's maximum); got ${JSON.stringify(value)}`,
    );
  }
}
