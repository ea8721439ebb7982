// The spec's operations as a flat list: what operations.ts, the README table and the coverage check are built from.
// It also enforces what code generation relies on: every operation has a unique operationId.
import { isObject, type LoadedSpec, resolveRefs } from "./load-spec.js";
import { isPagedList, type OperationShape, operationShape, pageSizeMaximum, pagingOf } from "./operation-shape.js";
import { jsonPointer, specError } from "./spec-error.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

export interface SpecOperation {
  operationId: string;
  /** Upper case, as openapi-fetch spells it (`api.GET`). */
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  /**
   * Whether a call needs a credential, from the operation's `security` (or the spec's global one):
   * "required"; "optional" when an empty requirement `{}` is one of the alternatives (anonymous reads);
   * "none" when security is `[]` (e.g. logins, or endpoints that carry their own token in the body).
   */
  credentials: Credentials;
  /** What the generated method needs: parameters, body, response kind, security alternatives. */
  shape: OperationShape;
  /** Present on list operations (a GET with the paging style's page parameter): the page size's maximum. */
  paged?: { maxSize?: number };
}

export type Credentials = "required" | "optional" | "none";

function credentialsOf(security: unknown): Credentials {
  if (!Array.isArray(security) || security.length === 0) return "none";
  return security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0)
    ? "optional"
    : "required";
}

export function collectOperations(spec: LoadedSpec): SpecOperation[] {
  const { root } = spec;
  const data = isObject(root.data) ? root.data : {};
  if (data.paths !== undefined && !isObject(data.paths)) throw specError(root.label, ["paths"], "must be a mapping");
  const paths = data.paths ?? {};
  const paging = pagingOf(spec);

  const operations: SpecOperation[] = [];
  const seen = new Map<string, string>();
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveRefs(spec, rawItem, root, ["paths", path]);
    if (!isObject(item.value)) throw specError(item.document.label, item.segments, "a path item must be a mapping");
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (operation === undefined) continue;
      const segments = [...item.segments, method];
      if (!isObject(operation)) throw specError(item.document.label, segments, "an operation must be a mapping");
      const { operationId } = operation;
      if (typeof operationId !== "string" || operationId.trim() === "") {
        throw specError(item.document.label, segments, "missing operationId");
      }
      const location = `${item.document.label}#${jsonPointer(segments)}`;
      const first = seen.get(operationId);
      if (first)
        throw specError(item.document.label, segments, `duplicate operationId "${operationId}" (first at ${first})`);
      seen.set(operationId, location);
      const resolvedOperation = { value: operation, document: item.document, segments };
      const paged = isPagedList(spec, item, resolvedOperation, method.toUpperCase(), paging)
        ? { maxSize: paging && pageSizeMaximum(spec, item, resolvedOperation, paging.size) }
        : undefined;
      if (paged && paged.maxSize === undefined) delete paged.maxSize;
      operations.push({
        operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        summary: typeof operation.summary === "string" ? operation.summary.trim() : "",
        tags: Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === "string") : [],
        credentials: credentialsOf(operation.security ?? data.security),
        shape: operationShape(spec, path, item, resolvedOperation, data.security),
        ...(paged ? { paged } : {}),
      });
    }
  }
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  return operations.sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
