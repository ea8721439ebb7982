// Fails (exit 1) and names every registered spec without contract tests, and every documented operation and
// status code of it that no contract test exercised in the last `vitest run` (reports/operation-coverage.json,
// written by the mocks' global setup).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { coverageGaps } from "./lib/coverage-gaps.js";
import type { CoverageReport } from "./lib/operation-coverage.js";
import { loadRegistry, repoRoot } from "./lib/registry.js";

const reportPath = join(repoRoot, "reports", "operation-coverage.json");
if (!existsSync(reportPath)) {
  console.error(`no ${reportPath}: run the contract tests first (pnpm test)`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, "utf8")) as CoverageReport;
const result = coverageGaps(loadRegistry(repoRoot), report, repoRoot);
if (result.problems.length > 0) {
  console.error(
    `operation coverage: ${result.problems.length} gap(s)\n${result.problems.map((p) => `  - ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(
  `operation coverage: ${result.operationsCovered} operations, ${result.statusesCovered}/${result.statusesDocumented} documented statuses exercised`,
);
