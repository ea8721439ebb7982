// Which vendors' mocks a set of test files needs, so a filtered run (`vitest --project contract
// packages/dataops-live`) starts one Prism instead of all of them. A file needs the vendor whose package it
// lives in (packages/<dir>/…) and every vendor it names in a literal `mockUrl("<dir>")` call (the browser
// tests reach several vendors). Read from the files' text: nothing is imported or run to find out.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";

export function vendorsNeededBy(files: string[], registered: string[], repoRoot: string): string[] {
  const needed = new Set<string>();
  for (const file of files) {
    const [top, dir] = relative(repoRoot, file).split(sep);
    if (top === "packages" && dir && registered.includes(dir)) needed.add(dir);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // deleted since vitest listed it: it will fail on its own
    }
    // A registry-driven test (one case per vendor) says so instead of naming each vendor.
    if (text.includes("mocks: every registered vendor")) return registered;
    for (const match of text.matchAll(/\bmockUrl\(\s*["'`]([a-z0-9-]+)["'`]\s*\)/g)) {
      if (registered.includes(match[1] as string)) needed.add(match[1] as string);
    }
  }
  return registered.filter((dir) => needed.has(dir));
}
