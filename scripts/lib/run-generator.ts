// `pnpm generate [--vendor <dir>] [--check]` as a function of a root directory, so tests run it on a temp tree.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readIfExists, staleFiles } from "./check.js";
import { rootLabel } from "./load-spec.js";
import {
  PACKAGES_END,
  PACKAGES_START,
  renderOperationsTable,
  renderPackagesTable,
  replaceOperationsTable,
} from "./readme-table.js";
import { loadRegistry, type Vendor } from "./registry.js";
import { scaffoldPackage } from "./scaffold.js";
import { SpecError } from "./spec-error.js";
import { buildVendor, type OutputFile, type VendorBuild } from "./vendor-build.js";

export interface GeneratorOptions {
  root: string;
  /** Only this registry entry; all of them when absent. */
  vendor?: string;
  /** Compare the committed generated code with a fresh build; write nothing. */
  check?: boolean;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Exit codes: 0 done or up to date, 1 a spec error or stale generated code, 2 an unknown vendor. */
export async function runGenerator(options: GeneratorOptions): Promise<number> {
  const { root, check = false, out = console.log, err = console.error } = options;
  let builds: VendorBuild[];
  try {
    const vendors = selectVendors(loadRegistry(root), options.vendor);
    if (typeof vendors === "string") {
      err(vendors);
      return 2;
    }
    // Build everything before writing anything: one broken spec leaves the tree as it was.
    builds = [];
    for (const vendor of vendors) builds.push(await buildVendor(vendor, root));
  } catch (error) {
    // Spec and registry problems are reported by location; only a bug in the generator deserves a stack trace.
    const expected = error instanceof SpecError || (error instanceof Error && error.constructor === Error);
    err(expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
  // The root README's package table lists every vendor, so it is refreshed only on a run over all of them.
  const documents = () => readmeUpdates(builds, root, options.vendor === undefined);
  return check ? reportStale(builds, documents(), out, err) : writeAll(builds, documents, root, out);
}

/** The READMEs whose generated tables differ from what they hold: package operation tables and the root package table. */
function readmeUpdates(builds: VendorBuild[], root: string, includeRoot: boolean): OutputFile[] {
  const updates: OutputFile[] = [];
  const consider = (path: string, next: (text: string) => string | undefined) => {
    const text = readIfExists(path);
    const updated = text === undefined ? undefined : next(text);
    if (updated !== undefined && updated !== text)
      updates.push({ path, label: rootLabel(root, path), content: updated });
  };
  for (const build of builds) {
    consider(join(build.vendor.packageDir, "README.md"), (text) =>
      replaceOperationsTable(text, renderOperationsTable(build.operations)),
    );
  }
  if (includeRoot) {
    const rows = builds.map((build) => ({
      name: build.vendor.packageName,
      dir: build.vendor.dir,
      about: build.summary,
      operations: build.operations.length,
    }));
    consider(join(root, "README.md"), (text) =>
      replaceOperationsTable(text, renderPackagesTable(rows), [PACKAGES_START, PACKAGES_END]),
    );
  }
  return updates;
}

function selectVendors(vendors: Vendor[], dir: string | undefined): Vendor[] | string {
  if (dir === undefined) return vendors;
  const vendor = vendors.find((candidate) => candidate.dir === dir);
  if (vendor) return [vendor];
  const known = vendors.map((candidate) => candidate.dir).join(", ") || "(none)";
  return `unknown vendor "${dir}"; the registry (redocly.yaml) has: ${known}`;
}

function reportStale(
  builds: VendorBuild[],
  documents: OutputFile[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  const files = builds.flatMap((build) => build.generated);
  const stale = [...staleFiles(files), ...documents.map((document) => `${document.label} (its generated table)`)];
  if (stale.length === 0) {
    out(`generated code is up to date (${files.length} files)`);
    return 0;
  }
  for (const label of stale) err(`stale: ${label}`);
  err("generated code is out of date: run pnpm generate");
  return 1;
}

// `documents` is computed after the scaffold ran, so a new package's README gets its table on the first run.
function writeAll(
  builds: VendorBuild[],
  documents: () => OutputFile[],
  root: string,
  out: (line: string) => void,
): number {
  let written = 0;
  let total = 0;
  for (const build of builds) {
    const { vendor, title, operations } = build;
    const created = scaffoldPackage({ vendor, title, operations }, root);
    for (const label of created) out(`created ${label}`);
    if (created.length > 0) out(`${vendor.packageName} is new: run \`pnpm install\` next, so the workspace links it`);
    for (const file of build.generated) {
      total++;
      if (writeIfChanged(file.path, file.content)) {
        written++;
        out(`wrote ${file.label}`);
      }
    }
  }
  for (const document of documents()) {
    if (writeIfChanged(document.path, document.content)) out(`updated the generated table in ${document.label}`);
  }
  out(
    `generated ${builds.map((build) => build.vendor.dir).join(", ") || "nothing"}: ${written} of ${total} files changed`,
  );
  return 0;
}

// Unchanged files keep their mtime, so watchers and build caches see no change.
function writeIfChanged(path: string, content: string): boolean {
  if (readIfExists(path) === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}
