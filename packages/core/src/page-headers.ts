// Offset and Link paging read from response headers: X-Page / X-Next-Page / X-Total… and RFC 8288 Link, the
// conventions GitLab, GitHub and many Rails APIs share. Totals are informational only: servers omit them for
// large results (GitLab above 10,000 records, and always with keyset paging), so nothing here relies on them.
import { parseLinkHeader } from "./link-header.js";

/** Where the next page is: a page number for the page parameter, or the URL of a `Link: rel="next"`. */
export type NextPage = { page: number } | { url: string };

export interface PageHeaders {
  page: number | undefined;
  perPage: number | undefined;
  nextPage: number | undefined;
  prevPage: number | undefined;
  /** Absent above the server's counting limit (GitLab: 10,000 records) and with keyset paging. */
  total: number | undefined;
  totalPages: number | undefined;
  /** rel → URL of the Link header (`next`, `prev`, `first`, `last`). */
  links: Record<string, string>;
}

/** The paging headers of a response, each undefined when absent, empty or not a whole number. */
export function readPageHeaders(headers: Headers): PageHeaders {
  return {
    page: wholeNumber(headers.get("x-page")),
    perPage: wholeNumber(headers.get("x-per-page")),
    nextPage: wholeNumber(headers.get("x-next-page")),
    prevPage: wholeNumber(headers.get("x-prev-page")),
    total: wholeNumber(headers.get("x-total")),
    totalPages: wholeNumber(headers.get("x-total-pages")),
    links: parseLinkHeader(headers.get("link")),
  };
}

/**
 * Where the next page is, or undefined on the last page. `X-Next-Page` decides when the server sends it (an
 * empty value marks the last page); otherwise `Link: rel="next"` does (keyset paging sends only that).
 */
export function nextPageFromHeaders(headers: Headers): NextPage | undefined {
  const header = headers.get("x-next-page");
  if (header !== null) {
    if (header.trim() === "") return undefined;
    const page = wholeNumber(header);
    if (page !== undefined && page > 0) return { page };
    // Not a number (a proxy's placeholder): fall through to the Link header rather than guess.
  }
  const next = parseLinkHeader(headers.get("link")).next;
  return next ? { url: next } : undefined;
}

/**
 * The query of a URL as an object; a repeated name (`scope[]=a&scope[]=b`) becomes an array. Used to replay a
 * `rel="next"` link through a typed client, so the request keeps the client's base URL and credentials rules.
 */
export function queryFromUrl(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(url, "http://placeholder.invalid").searchParams) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
