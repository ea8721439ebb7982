// Which documented operations and status codes the contract tests exercised. The mock proxy reports every
// request Prism answered; these helpers map each one back to its operation in the spec.
import { isObject, loadSpec, resolveRefs } from "./load-spec.js";
import type { Vendor } from "./registry.js";
import { collectOperations, type SpecOperation } from "./spec-operations.js";

export interface DocumentedOperation extends SpecOperation {
  /** Status codes the spec documents for the operation (ranges such as 4XX and `default` left out). */
  statuses: string[];
}

/** vendor dir → operationId → status codes seen */
export type CoverageReport = Record<string, Record<string, string[]>>;

export function documentedOperations(vendor: Vendor, repoRoot: string): DocumentedOperation[] {
  const spec = loadSpec(vendor.specPath, repoRoot);
  return collectOperations(spec).map((operation) => {
    const item = resolveRefs(
      spec,
      (spec.root.data as { paths: Record<string, unknown> }).paths[operation.path],
      spec.root,
      ["paths", operation.path],
    );
    const raw = isObject(item.value) ? item.value[operation.method.toLowerCase()] : undefined;
    const responses = isObject(raw) && isObject(raw.responses) ? Object.keys(raw.responses) : [];
    return { ...operation, statuses: responses.filter((code) => /^\d{3}$/.test(code)) };
  });
}

/** A matcher from a concrete request to the operation whose path template fits it best (most literal text). */
export function operationMatcher(operations: DocumentedOperation[]) {
  const compiled = operations.map((operation) => ({
    operation,
    pattern: new RegExp(
      `^${operation.path
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join("[^/]+")}/?$`,
    ),
    literal: operation.path.replace(/\{[^}]+\}/g, "").length,
  }));
  return (method: string, path: string): DocumentedOperation | undefined =>
    compiled
      .filter((c) => c.operation.method === method.toUpperCase() && c.pattern.test(path))
      .sort((a, b) => b.literal - a.literal)[0]?.operation;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
