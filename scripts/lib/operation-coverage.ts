// Which documented operations and status codes the contract tests exercised. The mock proxy reports every
// request Prism answered; these helpers map each one back to its operation in the spec.
import { isObject, loadSpec, resolveRefs } from "./load-spec.js";
import { pathTemplates, templateMatcher } from "./path-templates.js";
import type { Vendor } from "./registry.js";
import { collectOperations, type SpecOperation } from "./spec-operations.js";

export interface DocumentedOperation extends SpecOperation {
  /** Status codes the spec documents for the operation (ranges such as 4XX and `default` left out). */
  statuses: string[];
  /** Path parameters declared `x-dataclients-path: multi-segment` (they may hold a literal `/`). */
  multiSegment: string[];
}

/** vendor dir → operationId → status codes seen */
export type CoverageReport = Record<string, Record<string, string[]>>;

export function documentedOperations(vendor: Vendor, repoRoot: string): DocumentedOperation[] {
  const spec = loadSpec(vendor.specPath, repoRoot);
  const templates = pathTemplates(spec);
  return collectOperations(spec).map((operation) => {
    const item = resolveRefs(
      spec,
      (spec.root.data as { paths: Record<string, unknown> }).paths[operation.path],
      spec.root,
      ["paths", operation.path],
    );
    const raw = isObject(item.value) ? item.value[operation.method.toLowerCase()] : undefined;
    const responses = isObject(raw) && isObject(raw.responses) ? Object.keys(raw.responses) : [];
    const template = templates.find((t) => t.method === operation.method && t.path === operation.path);
    return {
      ...operation,
      statuses: responses.filter((code) => /^\d{3}$/.test(code)),
      multiSegment: template?.multiSegment ?? [],
    };
  });
}

/**
 * A matcher from a concrete request to the operation whose path template fits it best (most literal text). A
 * multi-segment parameter matches its value in both forms, `a/b.csv` and `a%2Fb.csv`.
 */
export function operationMatcher(operations: DocumentedOperation[]) {
  const byTemplate = new Map(operations.map((o) => [`${o.method} ${o.path}`, o]));
  const match = templateMatcher(
    operations.map((o) => ({ method: o.method, path: o.path, multiSegment: o.multiSegment ?? [] })),
  );
  return (method: string, path: string): DocumentedOperation | undefined => {
    const found = match(method, path);
    return found && byTemplate.get(`${found.template.method} ${found.template.path}`);
  };
}
