// The `body` style (DataGOL's cursor): the page number and size travel in the request's JSON body (dotted paths
// such as `page` or `cursor.page`), and the answer carries the items, a total and the page number it serves.
// This step answers MOCK_PAGES pages of `size` items and an empty items array past the last one.
import type { PagingConfig } from "./config.js";
import { isRecord, MOCK_PAGES, type PagingStep, positiveInt } from "./step.js";

/** The response fields that echo the page number, besides the request's own name for it (Spring's `pageNumber`). */
const PAGE_NUMBER_FIELDS = ["pageNumber"];

export interface BodyFields {
  page: string;
  size: string;
  items: string;
  total: string;
}

export function bodyStep(config: PagingConfig, where: string): PagingStep {
  if (!config.items) throw new Error(`${where}: the body style names its \`items\` field`);
  const fields = { page: config.page, size: config.size, items: config.items, total: config.total ?? "total" };
  return {
    readsRequestBody: true,
    rewritesBody: true,
    rewrite: (request, answer) => ({ ...answer, body: rewriteBodyPage(request.body, answer.body, fields) }),
  };
}

/** The answer for the page `requestBody` asks for; kept as is unless the request has a JSON object body. */
export function rewriteBodyPage(requestBody: unknown, body: unknown, fields: BodyFields): unknown {
  if (!isRecord(requestBody) || !isRecord(body) || !Array.isArray(body[fields.items])) return body;
  const example = body[fields.items] as unknown[];
  const page = positiveInt(valueAt(requestBody, fields.page)) ?? 1;
  const size = positiveInt(valueAt(requestBody, fields.size)) ?? Math.max(example.length, 1);
  const out: Record<string, unknown> = { ...body };
  out[fields.items] = page <= MOCK_PAGES ? example.slice(0, size) : [];
  if (fields.total in body) out[fields.total] = MOCK_PAGES * size;
  const echoed = [fields.page.split(".").at(-1) as string, ...PAGE_NUMBER_FIELDS];
  for (const name of echoed) if (name in body && typeof body[name] === "number") out[name] = page;
  return out;
}

function valueAt(body: Record<string, unknown>, dottedPath: string): unknown {
  let current: unknown = body;
  for (const key of dottedPath.split(".")) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}
