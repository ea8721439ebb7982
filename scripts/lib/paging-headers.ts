// Prism is stateless: every response carries the one example value of each header, so a client following
// X-Next-Page or Link would fetch page 2 forever. This step rewrites the paging headers from the request's own
// page number, so a client can walk pages 1..X-Total-Pages against the mock. The header names are the common
// HTTP paging conventions (X-Page / X-Next-Page / Link), not any one vendor's.

/** Response headers as node:http hands them over: lower-case names. */
export type HeaderMap = Record<string, string | string[] | number | undefined>;

/** id_after carries the number of pages served so far, times this, so keyset paging needs no state. */
export const KEYSET_ID_STEP = 1000;

const OFFSET_HEADERS = ["x-page", "x-next-page", "x-prev-page", "x-total", "x-total-pages"];

export function rewritePagingHeaders(requestUrl: URL, headers: HeaderMap): HeaderMap {
  const out = lowerCaseKeys(headers);
  const totalPages = positiveInt(first(out["x-total-pages"]));
  if (totalPages === undefined) return out;

  const query = requestUrl.searchParams;
  if (query.get("pagination") === "keyset") return keysetHeaders(requestUrl, out, totalPages);
  if (!query.has("page") && !query.has("per_page")) return out;
  return offsetHeaders(requestUrl, out, totalPages);
}

function offsetHeaders(requestUrl: URL, headers: HeaderMap, totalPages: number): HeaderMap {
  const query = requestUrl.searchParams;
  const page = positiveInt(query.get("page")) ?? 1;
  const perPage = positiveInt(query.get("per_page"));
  const next = page < totalPages ? page + 1 : undefined;
  const prev = page > 1 ? page - 1 : undefined;

  headers["x-page"] = String(page);
  // An empty value (not a missing header) is what servers send on the first/last page.
  headers["x-next-page"] = next === undefined ? "" : String(next);
  headers["x-prev-page"] = prev === undefined ? "" : String(prev);
  if (perPage !== undefined) headers["x-per-page"] = String(perPage);

  const links: string[] = [link(withQuery(requestUrl, "page", 1), "first")];
  if (prev !== undefined) links.push(link(withQuery(requestUrl, "page", prev), "prev"));
  if (next !== undefined) links.push(link(withQuery(requestUrl, "page", next), "next"));
  links.push(link(withQuery(requestUrl, "page", totalPages), "last"));
  headers.link = links.join(", ");
  return headers;
}

// Keyset paging has no page numbers and no totals (servers omit them): only a rel="next" link while pages remain.
function keysetHeaders(requestUrl: URL, headers: HeaderMap, totalPages: number): HeaderMap {
  const query = requestUrl.searchParams;
  const served = Math.floor((nonNegativeInt(query.get("id_after")) ?? 0) / KEYSET_ID_STEP);
  const page = served + 1;
  const perPage = positiveInt(query.get("per_page"));

  for (const name of OFFSET_HEADERS) delete headers[name];
  if (perPage !== undefined) headers["x-per-page"] = String(perPage);
  if (page < totalPages) headers.link = link(withQuery(requestUrl, "id_after", page * KEYSET_ID_STEP), "next");
  else delete headers.link;
  return headers;
}

function link(url: URL, rel: string): string {
  return `<${url.href}>; rel="${rel}"`;
}

function withQuery(url: URL, name: string, value: number): URL {
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

function positiveInt(value: string | null | undefined): number | undefined {
  const n = nonNegativeInt(value);
  return n === undefined || n === 0 ? undefined : n;
}

function nonNegativeInt(value: string | null | undefined): number | undefined {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
