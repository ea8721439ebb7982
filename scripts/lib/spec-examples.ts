// The examples a spec gives one operation: path parameters, required query parameters, the request body, and each
// documented response. The shared contract test calls every operation with them and expects the mock's answer
// (Prism serves the first example of each status) to come back through the client unchanged.
import { isObject, type LoadedSpec, type Resolved, resolveRefs } from "./load-spec.js";

export interface OperationExamples {
  /** Required query parameters with an example (optional ones are left out: the call stays minimal). */
  query?: Record<string, unknown>;
  /** The request body's example for its first media type, when the spec gives one. */
  body?: { media: string; value: unknown };
  /** Status → the example Prism sends for it (the first one), when the spec gives one. */
  responses: Record<string, { media: string; value: unknown } | undefined>;
}

function firstExample(spec: LoadedSpec, media: Resolved): unknown {
  const value = media.value as Record<string, unknown>;
  if (value.example !== undefined) return value.example;
  if (isObject(value.examples)) {
    const [name, first] = Object.entries(value.examples)[0] ?? [];
    if (name === undefined) return undefined;
    const resolved = resolveRefs(spec, first, media.document, [...media.segments, "examples", name]).value;
    return isObject(resolved) ? resolved.value : undefined;
  }
  const schema = resolveRefs(spec, value.schema, media.document, [...media.segments, "schema"]).value;
  return isObject(schema) ? schema.example : undefined;
}

function contentExample(spec: LoadedSpec, holder: Resolved): { media: string; value: unknown } | undefined {
  const content = (holder.value as Record<string, unknown>).content;
  if (!isObject(content)) return undefined;
  const [media] = Object.keys(content);
  if (media === undefined) return undefined;
  const resolved = resolveRefs(spec, content[media], holder.document, [...holder.segments, "content", media]);
  const value = firstExample(spec, resolved);
  return value === undefined ? undefined : { media, value };
}

export function operationExamples(spec: LoadedSpec, path: string, method: string): OperationExamples {
  const paths = (spec.root.data as { paths: Record<string, unknown> }).paths;
  const item = resolveRefs(spec, paths[path], spec.root, ["paths", path]);
  const op = (item.value as Record<string, unknown>)[method.toLowerCase()] as Record<string, unknown>;
  const at: Resolved = { value: op, document: item.document, segments: [...item.segments, method.toLowerCase()] };

  const query: Record<string, unknown> = {};
  const parameters = [
    ...(((item.value as Record<string, unknown>).parameters as unknown[] | undefined) ?? []).map((p, i) =>
      resolveRefs(spec, p, item.document, [...item.segments, "parameters", String(i)]),
    ),
    ...((op.parameters as unknown[] | undefined) ?? []).map((p, i) =>
      resolveRefs(spec, p, at.document, [...at.segments, "parameters", String(i)]),
    ),
  ];
  for (const parameter of parameters) {
    const value = parameter.value as Record<string, unknown>;
    if (value.in !== "query" || value.required !== true) continue;
    const named = isObject(value.examples) ? Object.values(value.examples)[0] : undefined;
    const schema = isObject(value.schema) ? value.schema : {};
    query[value.name as string] = value.example ?? (isObject(named) ? named.value : undefined) ?? schema.example;
  }

  const responses: OperationExamples["responses"] = {};
  for (const [status, raw] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    if (!/^\d{3}$/.test(status)) continue;
    responses[status] = contentExample(
      spec,
      resolveRefs(spec, raw, at.document, [...at.segments, "responses", status]),
    );
  }
  const requestBody =
    op.requestBody === undefined
      ? undefined
      : resolveRefs(spec, op.requestBody, at.document, [...at.segments, "requestBody"]);
  const body = requestBody ? contentExample(spec, requestBody) : undefined;
  return { ...(Object.keys(query).length ? { query } : {}), ...(body ? { body } : {}), responses };
}
