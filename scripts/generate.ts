// pnpm generate [--vendor <dir>] [--check]: types and operation lists from every spec in the registry (redocly.yaml),
// plus a package scaffold where one is missing. The work happens in lib/run-generator.ts.
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/registry.js";
import { runGenerator } from "./lib/run-generator.js";

const USAGE = "usage: pnpm generate [--vendor <dir>] [--check]";

function parseCli(): { vendor?: string; check: boolean } | undefined {
  try {
    const { values } = parseArgs({
      options: { vendor: { type: "string" }, check: { type: "boolean", default: false }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { vendor: values.vendor, check: values.check ?? false };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return undefined;
  }
}

const args = parseCli();
process.exitCode = args ? await runGenerator({ root: repoRoot, ...args }) : 2;
