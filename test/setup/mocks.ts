// Vitest global setup: one Prism mock per registered vendor, started once per run, in parallel, on free ports
// (the fixed ports belong to `pnpm mock`, which may be running). Tests read the URLs with mockUrl(dir).
// Every request the mocks answer is mapped to its operation and written to reports/operation-coverage.json,
// which scripts/check-operation-coverage.ts turns into a pass or a list of what no test exercised.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startMock } from "../../scripts/lib/mock-server.js";
import { type CoverageReport, documentedOperations, operationMatcher } from "../../scripts/lib/operation-coverage.js";
import { loadRegistry, repoRoot } from "../../scripts/lib/registry.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Vendor dir → mock URL including the base path (a client's baseUrl). */
    mockUrls: Record<string, string>;
  }
}

export const COVERAGE_REPORT = join(repoRoot, "reports", "operation-coverage.json");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const vendors = loadRegistry(repoRoot);
  // Only the contract project's traffic counts as operation coverage (other projects start their own mocks).
  // Its old report goes first, so a run that dies midway cannot leave a stale pass behind.
  const recordsCoverage = project.name === "contract";
  if (recordsCoverage) rmSync(COVERAGE_REPORT, { force: true });
  const coverage: CoverageReport = {};
  const started = await Promise.allSettled(
    vendors.map((vendor) => {
      const match = operationMatcher(documentedOperations(vendor, repoRoot));
      const seen: Record<string, Set<string>> = {};
      coverage[vendor.dir] = {};
      return startMock(vendor, {
        port: 0,
        onExchange({ method, path, status }) {
          const operation = match(method, path);
          if (!operation) return;
          const statuses = seen[operation.operationId] ?? new Set<string>();
          seen[operation.operationId] = statuses;
          statuses.add(String(status));
          (coverage[vendor.dir] as Record<string, string[]>)[operation.operationId] = [...statuses].sort();
        },
      }).catch((error: unknown) => {
        throw new Error(`${vendor.dir}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }),
  );
  const mocks = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const closeAll = async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  };

  const failures = started.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (failures.length > 0) {
    await closeAll();
    throw new Error(`could not start the mocks for the tests:\n${failures.join("\n")}`);
  }

  project.provide("mockUrls", Object.fromEntries(mocks.map((mock) => [mock.vendor.dir, mock.url])));
  return async () => {
    await closeAll();
    if (!recordsCoverage) return;
    mkdirSync(join(repoRoot, "reports"), { recursive: true });
    writeFileSync(COVERAGE_REPORT, `${JSON.stringify(coverage, null, 2)}\n`);
  };
}
