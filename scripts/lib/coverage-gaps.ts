// What the operation-coverage gate fails on: a registered spec without contract tests, an operation no contract
// test exercised, a documented status code no contract test saw.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { type CoverageReport, documentedOperations } from "./operation-coverage.js";
import type { Vendor } from "./registry.js";

export interface CoverageResult {
  problems: string[];
  operationsCovered: number;
  statusesCovered: number;
  statusesDocumented: number;
}

export function coverageGaps(vendors: Vendor[], report: CoverageReport, repoRoot: string): CoverageResult {
  const result: CoverageResult = { problems: [], operationsCovered: 0, statusesCovered: 0, statusesDocumented: 0 };
  for (const vendor of vendors) {
    const contractDir = join(vendor.packageDir, "test", "contract");
    if (!hasTestFiles(contractDir)) {
      // A registered spec is a promise to users: every operation is tested against the mock before it ships.
      result.problems.push(
        `${vendor.dir}: no contract tests (no *.test.ts under ${relative(repoRoot, contractDir)}), so none of its operations is checked against the mock`,
      );
      continue;
    }
    const seen = report[vendor.dir] ?? {};
    for (const operation of documentedOperations(vendor, repoRoot)) {
      const statuses = seen[operation.operationId] ?? [];
      result.statusesDocumented += operation.statuses.length;
      if (statuses.length === 0) {
        result.problems.push(
          `${vendor.dir}: ${operation.operationId} (${operation.method} ${operation.path}) is not exercised by any contract test`,
        );
        continue;
      }
      result.operationsCovered++;
      const missing = operation.statuses.filter((status) => !statuses.includes(status));
      result.statusesCovered += operation.statuses.length - missing.length;
      if (missing.length > 0) {
        result.problems.push(
          `${vendor.dir}: ${operation.operationId} never answered ${missing.join(", ")} in a contract test`,
        );
      }
    }
  }
  return result;
}

function hasTestFiles(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).some((file) => /\.test\.[cm]?[jt]s$/.test(file));
}
