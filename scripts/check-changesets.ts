// pnpm check:changesets: fails when a package's published source changed without a pending changeset naming it.
//
// Changed: a file under packages/<dir>/src/ (generated files included) or packages/<dir>/package.json differs
// between the base and the working tree (committed, staged, unstaged or untracked; CI's fresh clone has only
// commits). Covered: a `.changeset/*.md` front matter names the package (any bump), or its package.json version
// differs from the base's (the `changeset version` commit, which consumes the changesets, before it is tagged).
//
// Base:
// 1. The newest release tag reachable from HEAD, `git describe --tags --abbrev=0 --match "@dataclients/*@*"`
//    (`changeset publish` tags each published package as <name>@<version>; everything before it was released).
// 2. Before the first release (no such tag, today): the repository's first commit. Nothing has been published,
//    so every package with source needs a pending changeset for its first release. That is neither always-pass
//    nor always-fail: it passes while .changeset/ names every package (initial-release.md, dataops-live-client.md)
//    and fails for a newly scaffolded vendor package until someone runs `pnpm changeset` for it. CI's local clone
//    has full history; a shallow clone is refused rather than compared against a wrong base.
// `--base <rev>` overrides the base (e.g. the branch point of a pull request).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./lib/registry.js";

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function tryGit(...args: string[]): string | undefined {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  console.error(`check:changesets: ${message}`);
  process.exit(1);
}

function findBase(): { rev: string; why: string } {
  const flag = process.argv.indexOf("--base");
  if (flag !== -1) {
    const rev = process.argv[flag + 1];
    if (!rev || !tryGit("rev-parse", "--verify", "--quiet", `${rev}^{commit}`))
      fail(`--base ${rev ?? ""}: no such commit`);
    return { rev, why: "--base" };
  }
  if (tryGit("rev-parse", "--is-shallow-repository") === "true") {
    fail("this is a shallow clone: fetch the full history (git fetch --unshallow) so the base can be found");
  }
  const tag = tryGit("describe", "--tags", "--abbrev=0", "--match", "@dataclients/*@*", "HEAD");
  if (tag) return { rev: tag, why: `the newest release tag` };
  const roots = tryGit("rev-list", "--max-parents=0", "HEAD")?.split("\n").filter(Boolean) ?? [];
  const root = roots.at(-1);
  if (!root) fail("no commits to compare against");
  return { rev: root, why: "no release tag yet, so the first commit" };
}

interface Changeset {
  file: string;
  packages: Record<string, string>;
}

// What `changeset version` would refuse, collected so one run names every broken file.
const brokenChangesets: string[] = [];

function readChangesets(known: Set<string>): Changeset[] {
  const dir = join(repoRoot, ".changeset");
  if (!existsSync(dir)) return [];
  const changesets: Changeset[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    // @changesets/parse's rule: the file starts with a --- line and the front matter ends at the next --- line.
    const front = /^\s*---\r?\n([\s\S]*?)\r?\n\s*---\s*(?:\r?\n|$)/.exec(text);
    let packages: unknown;
    try {
      packages = front ? (parse(front[1] ?? "") ?? {}) : undefined;
    } catch {
      packages = undefined;
    }
    if (!packages || typeof packages !== "object" || Array.isArray(packages)) {
      const hint = /^#+\s*"@/m.test(text)
        ? ` (its package line became a "## " heading: a Markdown formatter such as Biome's rewrote the front matter)`
        : "";
      brokenChangesets.push(`.changeset/${file}: no front matter "---\\n"<package>": patch|minor|major\\n---"${hint}`);
      continue;
    }
    for (const [name, bump] of Object.entries(packages)) {
      if (!known.has(name)) brokenChangesets.push(`.changeset/${file}: names ${name}, which is not under packages/`);
      else if (!["patch", "minor", "major", "none"].includes(bump)) {
        brokenChangesets.push(`.changeset/${file}: ${name}: unknown bump "${bump}"`);
      }
    }
    changesets.push({ file, packages: packages as Record<string, string> });
  }
  return changesets;
}

function versionAt(rev: string, dir: string): string | undefined {
  const text = tryGit("show", `${rev}:packages/${dir}/package.json`);
  return text ? (JSON.parse(text) as { version?: string }).version : undefined;
}

const { rev, why } = findBase();
const baseCommit = git("rev-parse", "--short", `${rev}^{commit}`);

const packagesDir = join(repoRoot, "packages");
const packages = new Map<string, { name: string; version: string }>();
for (const dir of readdirSync(packagesDir)) {
  const manifest = join(packagesDir, dir, "package.json");
  if (!existsSync(manifest)) continue;
  const json = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string; private?: boolean };
  if (!json.private) packages.set(dir, { name: json.name, version: json.version });
}

const changed = new Map<string, string[]>();
const paths = [
  ...git("diff", "--name-only", "--no-renames", rev, "--", "packages").split("\n"),
  ...git("ls-files", "--others", "--exclude-standard", "--", "packages").split("\n"),
];
for (const path of paths) {
  const match = /^packages\/([^/]+)\/(src\/.+|package\.json)$/.exec(path);
  if (!match?.[1] || !packages.has(match[1])) continue;
  changed.set(match[1], [...(changed.get(match[1]) ?? []), path]);
}

const changesets = readChangesets(new Set([...packages.values()].map((p) => p.name)));
console.log(
  `base: ${rev.startsWith(baseCommit) ? baseCommit : `${rev} (${baseCommit})`}, ${why}; ` +
    `pending changesets: ${changesets.map((c) => c.file).join(", ") || "none"}`,
);

const missing: string[] = [];
for (const [dir, files] of [...changed].sort()) {
  const pkg = packages.get(dir) as { name: string; version: string };
  const by = changesets.filter((c) => pkg.name in c.packages).map((c) => `${c.file} (${c.packages[pkg.name]})`);
  const baseVersion = versionAt(rev, dir);
  const sample = `${files.length} file(s), e.g. ${files.slice(0, 2).join(", ")}`;
  if (by.length > 0) console.log(`ok   ${pkg.name}: changed (${files.length} file(s)), covered by ${by.join(", ")}`);
  else if (baseVersion !== undefined && baseVersion !== pkg.version) {
    console.log(
      `ok   ${pkg.name}: changed, version ${baseVersion} → ${pkg.version} (changesets applied, not yet tagged)`,
    );
  } else missing.push(`${pkg.name}: ${sample} changed since ${baseCommit} and no .changeset/*.md names it`);
}
const unchanged = [...packages.keys()].filter((dir) => !changed.has(dir));
if (unchanged.length > 0) console.log(`unchanged since the base: ${unchanged.join(", ")}`);
if (brokenChangesets.length > 0) {
  console.error(`\nchangesets that \`changeset version\` cannot read (they count for nothing here):`);
  console.error(brokenChangesets.join("\n"));
}
if (missing.length > 0) {
  console.error(
    `\n${missing.join("\n")}\nrun \`pnpm changeset\`, pick the package(s) and describe the change for users`,
  );
}
if (brokenChangesets.length > 0 || missing.length > 0) fail("failed");
console.log(
  `check:changesets: every changed package has a changeset (${changed.size} changed, ${packages.size} packages)`,
);
