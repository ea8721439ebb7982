// `pnpm demo`: starts each vendor's mock and runs the documented flow of its seed through the BUILT
// package (packages/<dir>/examples/seed-flow.ts imports "@dataclients/<dir>", which resolves to dist),
// printing one line per step. Exits non-zero when any step fails.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type DemoContext, StepFailed, type StepResult, stepRunner } from "./lib/demo-steps.js";
import { type RunningMock, startMock } from "./lib/mock-server.js";
import { loadRegistry, type Vendor } from "./lib/registry.js";

type SeedFlow = (context: DemoContext) => Promise<void>;

async function startDemoMock(vendor: Vendor): Promise<RunningMock> {
  try {
    return await startMock(vendor, { port: vendor.mockPort });
  } catch (error) {
    // A `pnpm mock` may already hold the fixed port: use a free one rather than fail.
    if (!String(error).includes("already in use")) throw error;
    console.log(`  (port ${vendor.mockPort} is busy; using a free port for ${vendor.dir})`);
    return startMock(vendor);
  }
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const vendors = loadRegistry().filter((v) => only.length === 0 || only.includes(v.dir));
  const results: StepResult[] = [];
  const started = performance.now();
  for (const vendor of vendors) {
    const flowFile = join(vendor.packageDir, "examples", "seed-flow.ts");
    if (!existsSync(flowFile)) {
      console.log(`\n${vendor.displayName}: no examples/seed-flow.ts yet, skipped`);
      continue;
    }
    const mock = await startDemoMock(vendor);
    console.log(`\n${vendor.displayName} — mock at ${mock.url}`);
    try {
      const { seedFlow } = (await import(pathToFileURL(flowFile).href)) as { seedFlow: SeedFlow };
      await seedFlow({ baseUrl: mock.url, step: stepRunner(vendor.dir, results, (line) => console.log(line)) });
    } catch (error) {
      if (!(error instanceof StepFailed)) {
        results.push({ vendor: vendor.dir, title: "flow", ok: false, detail: String(error), ms: 0 });
        console.log(`  ✗ ${String(error)}`);
      }
    } finally {
      await mock.close();
    }
  }
  const failed = results.filter((r) => !r.ok);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${results.length - failed.length} steps passed, ${failed.length} failed (${seconds} s)`);
  for (const f of failed) console.log(`  failed: ${f.vendor} — ${f.title}: ${f.detail}`);
  return failed.length === 0 && results.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
