// operations.ts: the spec's operations as a descriptor table (data that core's callOperation interprets), the typed
// signature of every generated method, and the spec values a package must not hand-copy (production URL, paging
// style, enum value lists). Summaries and tags live only in the types' doc comments: nothing of them ships at run time.
import { generatedBanner } from "./banner.js";
import type { PagingConfig } from "./operation-shape.js";
import type { SpecOperation } from "./spec-operations.js";

export interface OperationsModuleInput {
  operations: readonly SpecOperation[];
  specLabel: string;
  /** The first server's URL; with {variables} there is no default base URL. */
  productionUrl: string;
  paging?: PagingConfig;
  /** `[name, values]` of every enum in components.schemas (and their properties). */
  enums: ReadonlyArray<readonly [name: string, values: readonly (string | number)[]]>;
}

const FORMATS: Record<string, string> = {
  "application/json": "json",
  "multipart/form-data": "multipart",
  "application/x-www-form-urlencoded": "urlencoded",
};
const JSON_MEDIA = /^application\/(.+\+)?json$/;

const CORE_TYPES = [
  "BinaryBody",
  "BodyOf",
  "Download",
  "FormatBody",
  "ListItemOf",
  "ListOptions",
  "PageIterator",
  "PathParamOf",
  "QueryOf",
  "RequestOptions",
  "SuccessBody",
  "WriteOptions",
];

const q = (value: unknown) => JSON.stringify(value);
const commentSafe = (text: string) => text.replaceAll("*/", "*\\/");

function descriptor(operation: SpecOperation): string {
  const { shape } = operation;
  const fields = [`method: ${q(operation.method)}`, `path: ${q(operation.path)}`];
  if (shape.pathParams.length) {
    const params = shape.pathParams.map((p) =>
      p.minimum === undefined ? `[${q(p.name)}, ${q(p.encoding)}]` : `[${q(p.name)}, ${q(p.encoding)}, ${p.minimum}]`,
    );
    fields.push(`params: [${params.join(", ")}]`);
  }
  if (shape.query) fields.push(`query: ${q(shape.query.styles)}`);
  if (shape.body) {
    const body = [`media: ${q(shape.body.media)}`];
    if (shape.body.json) body.push(`json: ${q(shape.body.json)}`);
    if (shape.body.required) body.push("required: true");
    fields.push(`body: { ${body.join(", ")} }`);
  }
  fields.push(`response: ${q(shape.response)}`);
  if (shape.expect) fields.push(`expect: ${q(shape.expect)}`);
  if (shape.emptyOk) fields.push("emptyOk: true");
  fields.push(`security: ${q(shape.security)}`);
  if (operation.paged) fields.push(`list: ${q(operation.paged)}`);
  return `  ${operation.operationId}: { ${fields.join(", ")} },`;
}

// With several formats the body's type follows the `format` option: JSON fields by default, form fields (the
// spec's bracketed keys) only when a form format is chosen.
function bodyType(operation: SpecOperation, formats: readonly string[]): string {
  const body = operation.shape.body;
  if (!body) return "never";
  const op = `Op[${q(operation.operationId)}]`;
  const of = (media: string) => `BodyOf<${op}, ${q(media)}>`;
  const binary = body.media.some((media) => !JSON_MEDIA.test(media) && !FORMATS[media]) ? ["BinaryBody"] : [];
  if (formats.length > 1) {
    const json = body.media.filter((media) => JSON_MEDIA.test(media)).map(of);
    const form = body.media.filter((media) => !JSON_MEDIA.test(media) && FORMATS[media]).map(of);
    return `FormatBody<F, ${[...json, ...binary].join(" | ") || "never"}, ${form.join(" | ") || "never"}>`;
  }
  const structured = body.media.filter((media) => JSON_MEDIA.test(media) || FORMATS[media]).map(of);
  return [...structured, ...binary].join(" | ");
}

function signature(operation: SpecOperation, paging: PagingConfig | undefined): string {
  const { shape, operationId } = operation;
  const op = `Op[${q(operationId)}]`;
  const args = shape.pathParams.map((param) =>
    param.encoding === "id-or-path"
      ? `${param.name}: number | string`
      : `${param.name}: PathParamOf<${op}, ${q(param.name)}>`,
  );
  const { query, body } = shape;
  const formats = (body?.media ?? []).map((media) => FORMATS[media]).filter((format) => format !== undefined);
  if (query && body) {
    const required = query.required || body.required;
    args.push(
      `input${required ? "" : "?"}: { query${query.required ? "" : "?"}: QueryOf<${op}>; body${body.required ? "" : "?"}: ${bodyType(operation, formats)} }`,
    );
  } else if (query) {
    args.push(`query${query.required ? "" : "?"}: QueryOf<${op}>`);
  } else if (body) {
    args.push(`body${body.required ? "" : "?"}: ${bodyType(operation, formats)}`);
  }
  const generic = formats.length > 1 ? `<F extends ${formats.map(q).join(" | ")} = ${q(formats[0])}>` : "";
  const options = operation.paged ? "ListOptions" : generic ? "WriteOptions<F>" : "RequestOptions";
  args.push(`options?: ${options}`);
  let result: string;
  if (operation.paged) {
    const field = paging?.style === "envelope" ? `, ${q(paging.items)}` : "";
    result = `PageIterator<ListItemOf<${op}${field}>>`;
  } else if (shape.response === "json") result = `Promise<SuccessBody<${op}>>`;
  else if (shape.response === "download") result = "Promise<Download>";
  else result = "Promise<void>";
  const doc = [
    `  /**`,
    `   * ${commentSafe(operation.summary || operationId)}`,
    `   *`,
    `   * \`${operation.method} ${commentSafe(operation.path)}\`${operation.paged ? " (a list: iterate it, `.pages()` or `.toArray()`)" : ""}`,
    `   */`,
  ];
  return [...doc, `  ${operationId}${generic}(${args.join(", ")}): ${result};`].join("\n");
}

/** Returns the complete text of operations.ts. `operations` must already be sorted. */
export function renderOperationsModule(input: OperationsModuleInput): string {
  const { operations, specLabel, productionUrl, paging, enums } = input;
  const perTenant = productionUrl.includes("{");
  const methods = operations.map((operation) => signature(operation, paging)).join("\n\n");
  // Only the helper types the signatures use (unused imports would fail a strict consumer's build).
  const used = CORE_TYPES.filter((name) => new RegExp(`\\b${name}\\b`).test(methods));
  // A spec with list operations also gets core's path-typed paging types bound to its paths (and envelope field).
  const lists = operations.some((operation) => operation.paged);
  const pagingTypes = lists ? ["ListItem", "ListParams", "ListPath", "PaginateInit"] : [];
  const coreImports = [
    ...used,
    "OperationTable",
    "PagingDescriptor",
    ...pagingTypes.map((name) => `${name} as Core${name}`),
  ].sort();
  const lines = [
    generatedBanner(specLabel),
    "",
    `import type { ${coreImports.join(", ")} } from "@dataclients/core";`,
    `import type { operations as Op${lists ? ", paths" : ""} } from "./schema.js";`,
    "",
    perTenant
      ? `/** No default base URL: the production server is per tenant (\`${commentSafe(productionUrl)}\`). */\nexport const PRODUCTION_BASE_URL: string | undefined = undefined;`
      : `/** The documented production base URL (the spec's first server). */\nexport const PRODUCTION_BASE_URL: string | undefined = ${q(productionUrl)};`,
    "",
    paging
      ? `/** The paging style the spec declares (x-dataclients-paging). */\nexport const paging = ${q(paging)} as const satisfies PagingDescriptor;`
      : "/** The spec declares no paging style. */\nexport const paging: PagingDescriptor | undefined = undefined;",
    "",
    "/** Every operation as data, interpreted by core's callOperation. */",
    "export const operations = {",
    ...operations.map(descriptor),
    "} as const satisfies OperationTable;",
    "",
    "export type OperationId = keyof typeof operations;",
    "",
    "/** The generated methods: `op(...pathParams, input?, options?)`. They return data or throw a typed error. */",
    "export interface Operations {",
    methods,
    "}",
  ];
  if (lists) {
    const field = paging?.style === "envelope" && paging.items ? `, ${q(paging.items)}` : "";
    lines.push(
      "",
      "/** Every path whose GET answers a list: `paginate(path, { params })` takes these. */",
      `export type ListPath = CoreListPath<paths${field}>;`,
      "/** The element type of a list path. */",
      `export type ListItem<P extends ListPath> = CoreListItem<paths, P${field}>;`,
      "/** The list operation's parameters (`path`, `query`). */",
      "export type ListParams<P extends ListPath> = CoreListParams<paths, P>;",
      "/** The second argument of `paginate(path, init)`. */",
      "export type PaginateInit<P extends ListPath> = CorePaginateInit<paths, P>;",
    );
  }
  if (enums.length) {
    lines.push("");
    for (const [name, values] of enums) {
      lines.push(
        `/** The values of \`${name}\` the spec allows. */`,
        `export const ${name}Values = ${q(values)} as const;`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}
