// What a generated method needs to know about one operation, read from the spec: its path parameters (in path
// order, with their x-dataclients-path encoding), whether it takes a query and a body (and in which media types),
// what its success answer is (JSON, a download, nothing), and whether it is a list the paginator walks.
import { isObject, type LoadedSpec, type Resolved, resolveRefs } from "./load-spec.js";
import { type PagingConfig, pagingConfigOf } from "./paging/config.js";
import { SpecError, specError } from "./spec-error.js";

export type { PagingConfig };

export const PATH_ENCODINGS = ["segment", "multi-segment", "grok-name", "comma-list", "id-or-path"] as const;
export type PathEncoding = (typeof PATH_ENCODINGS)[number];

/** Non-default query serialisations (OpenAPI style/explode); the default is form + explode (`a=1&a=2`). */
export type QueryStyle = "comma" | "space" | "pipe" | "deepObject";

export interface PathParamShape {
  name: string;
  encoding: PathEncoding;
  /** The spec's `example`, used by the generated contract test. */
  example: unknown;
  /** For `type: integer` parameters: the smallest id accepted (the schema's `minimum`, else 1: ids are positive). */
  minimum?: number;
}

export interface QueryShape {
  /** At least one query parameter is required: the input slot is not optional. */
  required: boolean;
  styles: Record<string, QueryStyle>;
}

export interface BodyShape {
  /** Media types in spec order; the first is the default. */
  media: string[];
  required: boolean;
  /** For a JSON body: its top-level type, checked before sending (a string sent where an object belongs fails). */
  json?: "object" | "array" | "any";
}

export type ResponseKind = "json" | "download" | "empty";

export interface OperationShape {
  pathParams: PathParamShape[];
  query?: QueryShape;
  body?: BodyShape;
  response: ResponseKind;
  /** A JSON answer's top-level type, checked when it arrives (`null` where an object is due is an error). */
  expect?: "object" | "array";
  /** An empty JSON answer is fine (a 204 is documented, or an empty object would be a valid answer anyway). */
  emptyOk?: boolean;
  /** Security alternatives: each a list of scheme names; `[]` means "works without a credential". */
  security: string[][];
}

type Ctx = { spec: LoadedSpec; at: Resolved };

function resolve(ctx: Ctx, value: unknown, segments: string[]): Resolved {
  return resolveRefs(ctx.spec, value, ctx.at.document, [...ctx.at.segments, ...segments]);
}

/** The operation's parameters: path-item ones first, overridden by the operation's own (OpenAPI's rule). */
function parametersOf(spec: LoadedSpec, item: Resolved, operation: Resolved): Resolved[] {
  const byKey = new Map<string, Resolved>();
  for (const [owner, list] of [
    [item, (item.value as Record<string, unknown>).parameters],
    [operation, (operation.value as Record<string, unknown>).parameters],
  ] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list))
      throw specError(owner.document.label, [...owner.segments, "parameters"], "must be a list");
    list.forEach((raw, index) => {
      const parameter = resolveRefs(spec, raw, owner.document, [...owner.segments, "parameters", String(index)]);
      if (!isObject(parameter.value))
        throw specError(parameter.document.label, parameter.segments, "must be a mapping");
      byKey.set(`${parameter.value.in}:${parameter.value.name}`, parameter);
    });
  }
  return [...byKey.values()];
}

export function operationShape(
  spec: LoadedSpec,
  path: string,
  item: Resolved,
  operation: Resolved,
  globalSecurity: unknown,
): OperationShape {
  const op = operation.value as Record<string, unknown>;
  const ctx: Ctx = { spec, at: operation };
  const parameters = parametersOf(spec, item, operation);
  const pathParams = pathParamsOf(path, parameters, operation);
  const queryParams = parameters.filter((p) => (p.value as Record<string, unknown>).in === "query");
  const query = queryParams.length
    ? {
        required: queryParams.some((p) => (p.value as Record<string, unknown>).required === true),
        styles: Object.fromEntries(
          queryParams.flatMap((p) => {
            const style = queryStyleOf(p.value as Record<string, unknown>);
            return style ? [[(p.value as Record<string, unknown>).name as string, style]] : [];
          }),
        ),
      }
    : undefined;
  return {
    pathParams,
    ...(query ? { query } : {}),
    ...bodyOf(ctx, op.requestBody),
    ...responseOf(ctx, op.responses),
    security: securityOf(op.security ?? globalSecurity),
  };
}

function pathParamsOf(path: string, parameters: Resolved[], operation: Resolved): PathParamShape[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  return names.map((name) => {
    const found = parameters.find((p) => {
      const value = p.value as Record<string, unknown>;
      return value.in === "path" && value.name === name;
    });
    if (!found)
      throw specError(operation.document.label, operation.segments, `path parameter {${name}} is not declared`);
    const value = found.value as Record<string, unknown>;
    const encoding = value["x-dataclients-path"] ?? "segment";
    if (!PATH_ENCODINGS.includes(encoding as PathEncoding)) {
      throw specError(
        found.document.label,
        [...found.segments, "x-dataclients-path"],
        `must be one of ${PATH_ENCODINGS.join(", ")}; got ${JSON.stringify(encoding)}`,
      );
    }
    const schema = isObject(value.schema) ? value.schema : {};
    const named = isObject(value.examples) ? Object.values(value.examples)[0] : undefined;
    const example =
      value.example ??
      (isObject(named) ? named.value : undefined) ??
      schema.example ??
      (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
    const integer = schema.type === "integer";
    const minimum = typeof schema.minimum === "number" ? schema.minimum : 1;
    return { name, encoding: encoding as PathEncoding, example, ...(integer ? { minimum } : {}) };
  });
}

function queryStyleOf(parameter: Record<string, unknown>): QueryStyle | undefined {
  const style = parameter.style ?? "form";
  const explode = parameter.explode ?? style === "form";
  if (style === "deepObject") return "deepObject";
  if (explode) return undefined;
  if (style === "form") return "comma";
  if (style === "spaceDelimited") return "space";
  if (style === "pipeDelimited") return "pipe";
  return undefined;
}

const JSON_MEDIA = /^application\/(.+\+)?json$/;

function bodyOf(ctx: Ctx, raw: unknown): { body?: BodyShape } {
  if (raw === undefined) return {};
  const requestBody = resolve(ctx, raw, ["requestBody"]);
  const value = requestBody.value as Record<string, unknown>;
  // A body the server accepts for compatibility but the SDK never sends (GitLab's action endpoints take `{}`).
  if (value["x-dataclients-ignore"] === true) return {};
  const content = isObject(value.content) ? value.content : {};
  const media = Object.keys(content);
  if (media.length === 0)
    throw specError(requestBody.document.label, requestBody.segments, "a request body needs content");
  const body: BodyShape = { media, required: value.required === true };
  const jsonMedia = media.find((type) => JSON_MEDIA.test(type));
  if (jsonMedia) {
    const mediaObject = content[jsonMedia];
    const schema = isObject(mediaObject)
      ? resolveRefs(ctx.spec, mediaObject.schema, requestBody.document, [...requestBody.segments, "content", jsonMedia])
          .value
      : undefined;
    const type = isObject(schema) ? schema.type : undefined;
    body.json =
      type === "object" || (isObject(schema) && isObject(schema.properties))
        ? "object"
        : type === "array"
          ? "array"
          : "any";
  }
  return { body };
}

function responseOf(ctx: Ctx, raw: unknown): Pick<OperationShape, "response" | "expect" | "emptyOk"> {
  const responses = isObject(raw) ? raw : {};
  const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status) || status === "2XX");
  let kind: ResponseKind = "empty";
  const types = new Set<string>();
  let emptyOk = false;
  for (const status of success) {
    const response = resolve(ctx, responses[status], ["responses", status]);
    const value = response.value;
    const content = isObject(value) && isObject(value.content) ? value.content : {};
    const media = Object.keys(content);
    if (media.length === 0) emptyOk = true;
    const json = media.find((type) => JSON_MEDIA.test(type));
    if (json) {
      kind = "json";
      const mediaObject = content[json];
      const schema = isObject(mediaObject)
        ? resolveRefs(ctx.spec, mediaObject.schema, response.document, [...response.segments, "content", json]).value
        : undefined;
      const type = isObject(schema) ? schema.type : undefined;
      types.add(typeof type === "string" ? type : "any");
      // An object with nothing required: an empty answer carries no less than `{}` would.
      if (isObject(schema) && type === "object" && !(Array.isArray(schema.required) && schema.required.length)) {
        emptyOk = true;
      }
    } else if (media.length > 0 && kind !== "json") kind = "download";
  }
  const [only] = types;
  const expect = types.size === 1 && (only === "object" || only === "array") ? only : undefined;
  return {
    response: kind,
    ...(kind === "json" && expect ? { expect } : {}),
    ...(kind === "json" && emptyOk ? { emptyOk } : {}),
  };
}

function securityOf(security: unknown): string[][] {
  if (!Array.isArray(security)) return [];
  return security.filter(isObject).map((requirement) => Object.keys(requirement));
}

/** The spec root's `x-dataclients-paging`, validated (one reader for the generator and the mock proxy). */
export function pagingOf(spec: LoadedSpec): PagingConfig | undefined {
  try {
    return pagingConfigOf(spec.root.data, spec.root.label);
  } catch (error) {
    throw new SpecError((error as Error).message);
  }
}

/** The maximum of a list operation's page-size parameter, when the spec gives one. */
export function pageSizeMaximum(
  spec: LoadedSpec,
  item: Resolved,
  operation: Resolved,
  size: string,
): number | undefined {
  const parameter = parametersOf(spec, item, operation).find((p) => {
    const value = p.value as Record<string, unknown>;
    return value.in === "query" && value.name === size;
  });
  if (!parameter) return undefined;
  const schema = (parameter.value as Record<string, unknown>).schema;
  const resolved = resolveRefs(spec, schema, parameter.document, [...parameter.segments, "schema"]).value;
  return isObject(resolved) && typeof resolved.maximum === "number" ? resolved.maximum : undefined;
}

/** Whether a GET declares the paging style's page parameter in its query: the list operations. */
export function isPagedList(
  spec: LoadedSpec,
  item: Resolved,
  operation: Resolved,
  method: string,
  paging?: PagingConfig,
): boolean {
  if (!paging || paging.style === "body" || method !== "GET") return false;
  return parametersOf(spec, item, operation).some((p) => {
    const value = p.value as Record<string, unknown>;
    return value.in === "query" && value.name === paging.page;
  });
}
