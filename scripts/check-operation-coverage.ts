// Fails (exit 1) and names every documented operation, and every documented status code of it, that no
// contract test exercised in the last `vitest run` (reports/operation-coverage.json, written by the mocks'
// global setup). Vendors without contract tests yet are listed, not failed, so a new spec can land first.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CoverageReport, documentedOperations } from "./lib/operation-coverage.js";
import { loadRegistry, repoRoot } from "./lib/registry.js";

const reportPath = join(repoRoot, "reports", "operation-coverage.json");
if (!existsSync(reportPath)) {
  console.error(`no ${reportPath}: run the contract tests first (pnpm test)`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, "utf8")) as CoverageReport;

const problems: string[] = [];
let operationsCovered = 0;
let statusesCovered = 0;
let statusesDocumented = 0;
for (const vendor of loadRegistry(repoRoot)) {
  if (!existsSync(join(vendor.packageDir, "test", "contract"))) {
    console.warn(`${vendor.dir}: no contract tests yet (packages/${vendor.dir}/test/contract), not checked`);
    continue;
  }
  const seen = report[vendor.dir] ?? {};
  for (const operation of documentedOperations(vendor, repoRoot)) {
    const statuses = seen[operation.operationId] ?? [];
    statusesDocumented += operation.statuses.length;
    if (statuses.length === 0) {
      problems.push(
        `${vendor.dir}: ${operation.operationId} (${operation.method} ${operation.path}) is not exercised by any contract test`,
      );
      continue;
    }
    operationsCovered++;
    const missing = operation.statuses.filter((status) => !statuses.includes(status));
    statusesCovered += operation.statuses.length - missing.length;
    if (missing.length > 0) {
      problems.push(`${vendor.dir}: ${operation.operationId} never answered ${missing.join(", ")} in a contract test`);
    }
  }
}
if (problems.length > 0) {
  console.error(`operation coverage: ${problems.length} gap(s)\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(
  `operation coverage: ${operationsCovered} operations, ${statusesCovered}/${statusesDocumented} documented statuses exercised`,
);
