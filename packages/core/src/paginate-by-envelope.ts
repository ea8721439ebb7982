// Auto-pagination for APIs that wrap each page in an envelope (`{ results, next_page, pages, total }`, as
// DataGalaxy does): the next request follows `next_page` (only its query, and only when it points at the client's
// own origin) or, without one, the next page number while `pages` says there are more.
import { DataclientsError } from "./errors.js";
import { queryFromUrl } from "./page-headers.js";
import { type PageIterator, type PaginateOptions, paginate } from "./paginate.js";
import type { PageQuery } from "./paginate-by-headers.js";

export interface EnvelopeFields {
  /** The field holding the page's items ("results"). */
  items: string;
  /** The field holding the next page's URL ("next_page"); null or absent on the last page. */
  next?: string;
  /** The page-number query parameter ("page"). */
  page: string;
}

export type EnvelopePageFetcher = (
  query: PageQuery,
  signal?: AbortSignal,
) => Promise<{ body: unknown; response: Response }>;

export interface PaginateByEnvelopeOptions extends PaginateOptions {
  query?: PageQuery;
  /** The base URL the next links must stay under. */
  baseUrl: string;
}

export function paginateByEnvelope<T>(
  fetchPage: EnvelopePageFetcher,
  fields: EnvelopeFields,
  options: PaginateByEnvelopeOptions,
): PageIterator<T> {
  const { query = {}, baseUrl, ...paginateOptions } = options;
  const base = new URL(baseUrl);
  return paginate<T, PageQuery>(async (cursor, signal) => {
    const current = cursor ?? query;
    const { body, response } = await fetchPage(current, signal);
    const envelope = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    const items = envelope[fields.items];
    if (!Array.isArray(items)) {
      throw new DataclientsError(
        `paginate: expected the page's \`${fields.items}\` to be an array; got ${items === null ? "null" : typeof items}`,
      );
    }
    const page = Number(current[fields.page] ?? 1);
    const link = fields.next ? envelope[fields.next] : undefined;
    let next: PageQuery | undefined;
    if (typeof link === "string" && link !== "") {
      const target = new URL(link, `${baseUrl}/`);
      if (target.origin !== base.origin) {
        throw new DataclientsError(
          `paginate: the server's next page link points at another origin (${target.origin}); refusing to follow it with this client's credentials`,
        );
      }
      next = { ...current, ...queryFromUrl(target.toString()) };
      if (Number(next[fields.page]) <= page) {
        throw new DataclientsError(`paginate: the next page link repeats page ${page}; stopping instead of looping`);
      }
    } else if (link === undefined && typeof envelope.pages === "number" && page < envelope.pages && items.length > 0) {
      next = { ...current, [fields.page]: page + 1 };
    }
    return { items: items as T[], response, next };
  }, paginateOptions);
}
