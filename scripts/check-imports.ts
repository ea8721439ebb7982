// Published packages run in Node, browsers, Deno and Bun: their src may not import Node built-ins.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "./lib/registry.js";

const NODE_IMPORT =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](node:[^"']+|fs|path|os|crypto|http|https|util|stream|child_process|url|buffer|events)["']/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) yield path;
  }
}

const offenders: string[] = [];
const packagesDir = join(repoRoot, "packages");
for (const pkg of readdirSync(packagesDir)) {
  let files: string[];
  try {
    files = [...sourceFiles(join(packagesDir, pkg, "src"))];
  } catch {
    continue;
  }
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(NODE_IMPORT)) {
      offenders.push(`${relative(repoRoot, file)}: imports "${match[1]}"`);
    }
  }
}
if (offenders.length > 0) {
  console.error(
    `Node built-ins in published sources (they must run in browsers, Deno and Bun too):\n${offenders.join("\n")}`,
  );
  process.exit(1);
}
console.log("no Node built-in imports in packages/*/src");
