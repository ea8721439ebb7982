// Vitest global setup of the `contract` and `browser` projects: one Prism mock per needed vendor for the whole
// `vitest run`, shared by both projects, on free ports (the fixed ports belong to `pnpm mock`, which may be
// running). Tests read the URLs with mockUrl(dir).
//
// Sharing: vitest runs each project's global setup in the same process but loads this module once per project,
// so the running mocks live on globalThis; the last project to tear down closes them.
// Which vendors: those the project's test files for this run need (scripts/lib/test-vendors.ts: the package a
// file lives in, or a literal mockUrl("<dir>") in it), from the project's include globs and the command line's
// file filters. Starting up front, in parallel, rather than on first use keeps Prism's 2.5 s start-up out of
// test timeouts. Watch mode starts every vendor, because a re-run may pick files this setup never saw.
// Coverage: each project gets its own entrance (port) to the shared Prisms, and only the contract project's
// entrances record; every request the mocks answer there is mapped to its operation and written to
// reports/operation-coverage.json, which scripts/check-operation-coverage.ts turns into a pass or a list of gaps.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type MockExchange, type RunningMock, startMock } from "../../scripts/lib/mock-server.js";
import { type CoverageReport, documentedOperations, operationMatcher } from "../../scripts/lib/operation-coverage.js";
import { loadRegistry, repoRoot, type Vendor } from "../../scripts/lib/registry.js";
import { vendorsNeededBy } from "../../scripts/lib/test-vendors.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Vendor dir → mock URL including the base path (a client's baseUrl), for the vendors this run needs. */
    mockUrls: Record<string, string>;
  }
}

export const COVERAGE_REPORT = join(repoRoot, "reports", "operation-coverage.json");
/** The project whose traffic counts as operation coverage. */
const COVERAGE_PROJECT = "contract";

interface SharedMocks {
  mocks: Map<string, Promise<RunningMock>>;
  users: number;
}
const SHARED = Symbol.for("dataclients.test.mocks");
const globals = globalThis as { [SHARED]?: SharedMocks };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const registry = loadRegistry(repoRoot);
  const vendors = await vendorsFor(project, registry);
  const recordsCoverage = project.name === COVERAGE_PROJECT;
  // The old report goes first, so a run that dies midway cannot leave a stale pass behind.
  if (recordsCoverage) rmSync(COVERAGE_REPORT, { force: true });
  const coverage: CoverageReport = {};

  globals[SHARED] ??= { mocks: new Map(), users: 0 };
  const shared = globals[SHARED];
  shared.users++;
  const release = async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete globals[SHARED];
    const all = await Promise.allSettled(shared.mocks.values());
    await Promise.all(all.flatMap((r) => (r.status === "fulfilled" ? [r.value.close()] : [])));
  };

  const opened = await Promise.allSettled(
    vendors.map(async (vendor) => {
      const mock = await sharedMock(shared, vendor);
      const onExchange = recordsCoverage ? coverageRecorder(vendor, coverage) : undefined;
      const entrance = await mock.openEntrance({ port: 0, ...(onExchange ? { onExchange } : {}) });
      return [vendor.dir, entrance.url] as const;
    }),
  );
  const failures = opened.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (failures.length > 0) {
    await release();
    throw new Error(`could not start the mocks for the tests:\n${failures.join("\n")}`);
  }

  project.provide("mockUrls", Object.fromEntries(opened.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))));
  return async () => {
    await release();
    if (!recordsCoverage) return;
    mkdirSync(join(repoRoot, "reports"), { recursive: true });
    writeFileSync(COVERAGE_REPORT, `${JSON.stringify(coverage, null, 2)}\n`);
  };
}

async function vendorsFor(project: TestProject, registry: Vendor[]): Promise<Vendor[]> {
  if (project.vitest.config.watch) return registry;
  // The command line's file filters; not in vitest's typed API, so without them every file of the project counts.
  const filters = (project.vitest as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  const needed = vendorsNeededBy(
    testFiles,
    registry.map((v) => v.dir),
    repoRoot,
  );
  return registry.filter((v) => needed.includes(v.dir));
}

function sharedMock(shared: SharedMocks, vendor: Vendor): Promise<RunningMock> {
  let mock = shared.mocks.get(vendor.dir);
  if (!mock) {
    mock = startMock(vendor, { port: 0 }).catch((error: unknown) => {
      throw new Error(`${vendor.dir}: ${error instanceof Error ? error.message : String(error)}`);
    });
    shared.mocks.set(vendor.dir, mock);
  }
  return mock;
}

function coverageRecorder(vendor: Vendor, coverage: CoverageReport): (exchange: MockExchange) => void {
  const match = operationMatcher(documentedOperations(vendor, repoRoot));
  const seen: Record<string, Set<string>> = {};
  const byOperation: Record<string, string[]> = {};
  coverage[vendor.dir] = byOperation;
  return ({ method, path, status }) => {
    const operation = match(method, path);
    if (!operation) return;
    const statuses = seen[operation.operationId] ?? new Set<string>();
    seen[operation.operationId] = statuses;
    statuses.add(String(status));
    byOperation[operation.operationId] = [...statuses].sort();
  };
}
