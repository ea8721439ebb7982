// The `headers` style (GitLab and other Rails-style APIs): every response carries the one example value of each
// paging header, so a client following X-Next-Page or Link would fetch page 2 forever. This step rewrites the
// paging headers from the request's own page number, so a client can walk pages 1..X-Total-Pages. Keyset
// paging (`pagination=keyset`) gets only a rel="next" link whose `id_after` counts the pages served.
import type { PagingConfig } from "./config.js";
import { type HeaderMap, nonNegativeInt, type PagingStep, positiveInt } from "./step.js";

export type { HeaderMap } from "./step.js";

/** id_after carries the number of pages served so far, times this, so keyset paging needs no state. */
export const KEYSET_ID_STEP = 1000;

const OFFSET_HEADERS = ["x-page", "x-next-page", "x-prev-page", "x-total", "x-total-pages"];

export interface PageParameterNames {
  page: string;
  size: string;
}

const DEFAULT_NAMES: PageParameterNames = { page: "page", size: "per_page" };

export function headersStep(config: PagingConfig): PagingStep {
  const names = { page: config.page, size: config.size };
  return {
    readsRequestBody: false,
    rewritesBody: false,
    rewrite: (request, answer) => ({ ...answer, headers: rewritePagingHeaders(request.url, answer.headers, names) }),
  };
}

export function rewritePagingHeaders(
  requestUrl: URL,
  headers: HeaderMap,
  names: PageParameterNames = DEFAULT_NAMES,
): HeaderMap {
  const out = lowerCaseKeys(headers);
  const totalPages = positiveInt(first(out["x-total-pages"]));
  if (totalPages === undefined) return out;

  const query = requestUrl.searchParams;
  if (query.get("pagination") === "keyset") return keysetHeaders(requestUrl, out, totalPages, names);
  if (!query.has(names.page) && !query.has(names.size)) return out;
  return offsetHeaders(requestUrl, out, totalPages, names);
}

function offsetHeaders(requestUrl: URL, headers: HeaderMap, totalPages: number, names: PageParameterNames): HeaderMap {
  const query = requestUrl.searchParams;
  const page = positiveInt(query.get(names.page)) ?? 1;
  const perPage = positiveInt(query.get(names.size));
  const next = page < totalPages ? page + 1 : undefined;
  const prev = page > 1 ? page - 1 : undefined;

  headers["x-page"] = String(page);
  // An empty value (not a missing header) is what servers send on the first/last page.
  headers["x-next-page"] = next === undefined ? "" : String(next);
  headers["x-prev-page"] = prev === undefined ? "" : String(prev);
  if (perPage !== undefined) headers["x-per-page"] = String(perPage);

  const links: string[] = [link(withQuery(requestUrl, names.page, 1), "first")];
  if (prev !== undefined) links.push(link(withQuery(requestUrl, names.page, prev), "prev"));
  if (next !== undefined) links.push(link(withQuery(requestUrl, names.page, next), "next"));
  links.push(link(withQuery(requestUrl, names.page, totalPages), "last"));
  headers.link = links.join(", ");
  return headers;
}

// Keyset paging has no page numbers and no totals (servers omit them): only a rel="next" link while pages remain.
function keysetHeaders(requestUrl: URL, headers: HeaderMap, totalPages: number, names: PageParameterNames): HeaderMap {
  const query = requestUrl.searchParams;
  const served = Math.floor((nonNegativeInt(query.get("id_after")) ?? 0) / KEYSET_ID_STEP);
  const page = served + 1;
  const perPage = positiveInt(query.get(names.size));

  for (const name of OFFSET_HEADERS) delete headers[name];
  if (perPage !== undefined) headers["x-per-page"] = String(perPage);
  if (page < totalPages) headers.link = link(withQuery(requestUrl, "id_after", page * KEYSET_ID_STEP), "next");
  else delete headers.link;
  return headers;
}

function link(url: URL, rel: string): string {
  return `<${url.href}>; rel="${rel}"`;
}

export function withQuery(url: URL, name: string, value: number): URL {
  const copy = new URL(url);
  copy.searchParams.set(name, String(value));
  return copy;
}

function lowerCaseKeys(headers: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = value;
  }
  return out;
}

function first(value: HeaderMap[string]): string | undefined {
  return Array.isArray(value) ? value[0] : value === undefined ? undefined : String(value);
}
