// The `envelope` style (`{ pages, total, next_page, results }`, DataGalaxy): the page number and size are query
// parameters and the body says where the next page is. Prism sends the example's `next_page` (someone else's
// host, always page 2), so this step rebuilds the envelope from the requested page: MOCK_PAGES pages of
// `limit` items, `next_page` an absolute URL on the mock's own origin and base path, null on the last page.
import type { PagingConfig } from "./config.js";
import { withQuery } from "./headers.js";
import { isRecord, MOCK_PAGES, type PagingStep, positiveInt } from "./step.js";

export function envelopeStep(config: PagingConfig, where: string): PagingStep {
  const { items, next } = config;
  if (!items || !next) throw new Error(`${where}: the envelope style names its \`items\` and \`next\` fields`);
  const fields = {
    page: config.page,
    size: config.size,
    items,
    next,
    total: config.total ?? "total",
    pageTotal: config.pageTotal,
  };
  return {
    readsRequestBody: false,
    rewritesBody: true,
    rewrite: (request, answer) => ({ ...answer, body: rewriteEnvelope(request.url, answer.body, fields) }),
  };
}

export interface EnvelopeFields {
  page: string;
  size: string;
  items: string;
  next: string;
  total: string;
  pageTotal?: string;
}

/** The envelope for the page `url` asks for; a body that is not an envelope (no items array, no next field) is kept. */
export function rewriteEnvelope(url: URL, body: unknown, fields: EnvelopeFields): unknown {
  if (!isRecord(body) || !Array.isArray(body[fields.items]) || !(fields.next in body)) return body;
  const example = body[fields.items] as unknown[];
  const page = positiveInt(url.searchParams.get(fields.page)) ?? 1;
  // Without a requested size, a page is as long as the example (which Prism always sends whole).
  const size = positiveInt(url.searchParams.get(fields.size)) ?? Math.max(example.length, 1);
  const out: Record<string, unknown> = { ...body };
  // Never more than the requested size on a page, and nothing past the last page (as a real server answers).
  out[fields.items] = page <= MOCK_PAGES ? example.slice(0, size) : [];
  out[fields.next] = page < MOCK_PAGES ? withQuery(url, fields.page, page + 1).href : null;
  // Only fields the spec's example has: adding undeclared ones could break a strict schema.
  if ("pages" in body) out.pages = MOCK_PAGES;
  if (fields.total in body) out[fields.total] = MOCK_PAGES * size;
  if (fields.pageTotal && fields.pageTotal in body) out[fields.pageTotal] = (out[fields.items] as unknown[]).length;
  return out;
}
