// operations.ts: the spec's operations as data, for docs and for the check that every operation has a contract test.
import { generatedBanner } from "./banner.js";
import type { SpecOperation } from "./spec-operations.js";

/** Returns the complete text of operations.ts. `operations` must already be sorted. */
export function renderOperationsModule(operations: readonly SpecOperation[], specLabel: string): string {
  const entries = operations.map((operation) =>
    [
      "  {",
      `    operationId: ${JSON.stringify(operation.operationId)},`,
      `    method: ${JSON.stringify(operation.method)},`,
      `    path: ${JSON.stringify(operation.path)},`,
      `    summary: ${JSON.stringify(operation.summary)},`,
      `    tags: [${operation.tags.map((tag) => JSON.stringify(tag)).join(", ")}],`,
      `    credentials: ${JSON.stringify(operation.credentials)},`,
      "  },",
    ].join("\n"),
  );
  const list = entries.length ? `[\n${entries.join("\n")}\n]` : "[]";
  return [
    generatedBanner(specLabel),
    "",
    "/** Every operation of the spec, sorted by path then method. */",
    `export const operationList = ${list} as const;`,
    "",
    'export type OperationId = (typeof operationList)[number]["operationId"];',
    "",
  ].join("\n");
}
