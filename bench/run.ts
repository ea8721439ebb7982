// `pnpm bench` (after `turbo run build`, against the BUILT packages): per-call overhead and throughput over real
// loopback HTTP (server in a child process), the in-memory stub measurement, and bundle sizes, for every vendor in
// the registry; prints the tables and writes bench/RESULTS.md. Figures, not assertions: compare them across
// commits on the same machine. Tunable: BENCH_ROUNDS (21), BENCH_MIN_ROUNDS (7), BENCH_BUDGET_S (loopback phase:
// no new round after 70 s once BENCH_MIN_ROUNDS are done), BENCH_CALLS (sequential calls per case per round, 30),
// BENCH_REQUESTS (per case per round at 64 in flight, 192), BENCH_IN_FLIGHT (64), BENCH_STUB_CALLS (150),
// BENCH_STUB_BUDGET_S (12), BENCH_OPERATIONS (dir=opId,…), BENCH_RESULTS (output file; "-" for none).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../scripts/lib/registry.js";
import { type BundleSize, bundleSizes } from "./bundle-size.js";
import { ANSWER, casesFor, checkCases } from "./lib/cases.js";
import { load, machine } from "./lib/machine.js";
import { measure } from "./lib/measure.js";
import { bundleInputs, bundleTable, checkTargets, loopbackTables, stubTables, targetTable } from "./lib/report.js";
import { startLoopbackServer } from "./lib/server-process.js";
import { loadTargets } from "./lib/targets.js";
import { stubCases } from "./overhead.js";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};
const rounds = num("BENCH_ROUNDS", 21);
const minRounds = Math.min(rounds, num("BENCH_MIN_ROUNDS", 7));
const inFlight = num("BENCH_IN_FLIGHT", 64);

const started = Date.now();
const loadBefore = load();
const targets = await loadTargets();
const paths = new Map(targets.map((t) => [t.vendor.dir, `${t.vendor.basePath}${t.path}`]));

console.log("Bundles (esbuild, browser, minified, gzip)…");
const bundles: BundleSize[] = await bundleSizes(targets);

console.log(`Loopback HTTP: ${targets.length} vendors, up to ${rounds} interleaved rounds…`);
const server = await startLoopbackServer([...paths.values()], ANSWER);
let loopback: Awaited<ReturnType<typeof measure>>;
try {
  const groups = targets.map((t) => casesFor(t, server.origin));
  for (const group of groups) await checkCases(group);
  loopback = await measure(groups, {
    rounds,
    minRounds,
    budgetMs: num("BENCH_BUDGET_S", 70) * 1000,
    calls: num("BENCH_CALLS", 30),
    requests: num("BENCH_REQUESTS", 192),
    inFlight,
    warmup: 200,
  });
} finally {
  await server.stop();
}

console.log("In-memory stub (yielding on a macrotask per call)…");
const stubGroups = stubCases(targets);
for (const group of stubGroups) await checkCases(group);
const stub = await measure(stubGroups, {
  rounds,
  minRounds,
  budgetMs: num("BENCH_STUB_BUDGET_S", 12) * 1000,
  calls: num("BENCH_STUB_CALLS", 150),
  requests: 0,
  inFlight,
  warmup: 1000,
});

// Streaming memory is measured in a fresh process (its own baseline): 200 MiB each way through Datagrok's
// uploadTable/downloadTable. BENCH_STREAM_MB sets the size; 0 skips it.
const streamMb = num("BENCH_STREAM_MB", 200);
let streaming = "";
if (streamMb > 0) {
  console.log(`Streaming memory: ${streamMb} MiB each way through Datagrok's uploadTable/downloadTable…`);
  try {
    streaming = execFileSync(process.execPath, ["--import", "tsx", join(repoRoot, "bench/datagrok-streaming.ts")], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_MB: String(streamMb), TSX_TSCONFIG_PATH: "tsconfig.dist.json" },
      encoding: "utf8",
    }).trim();
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    streaming = `${stdout ?? ""}\n(over the 64 MiB target or a short transfer: see above)`.trim();
  }
  console.log(streaming);
}

const checks = checkTargets(loopback, bundles);
const m = machine();
const seconds = Math.round((Date.now() - started) / 1000);
const beforeAfterFile = join(repoRoot, "bench/before-after.md");
const beforeAfter = existsSync(beforeAfterFile) ? readFileSync(beforeAfterFile, "utf8").trim() : undefined;

const body = `# Benchmark results

Written by \`pnpm bench\` (\`turbo run build\`, then \`tsx --tsconfig tsconfig.dist.json bench/run.ts\`: the built
packages) on ${new Date(started).toISOString()}. Do not edit by hand: run it again.

Machine: ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}. Load average
(1 min) ${loadBefore} at the start and ${load()} at the end: other processes shared the cores, so absolute µs
and req/s move between runs; the ratios are taken within one round (the same vendor's cases, back to back) and
are what to compare. Measuring took ${seconds} s (after the build).

## Over loopback HTTP

A \`node:http\` server in a child process (127.0.0.1, keep-alive) answers each vendor's benchmarked path with a
${Buffer.byteLength(ANSWER)}-byte JSON object. ${loopback.rounds} interleaved rounds (${Math.round(loopback.elapsedMs / 1000)} s);
each round times every case with ${num("BENCH_CALLS", 30)} sequential calls and ${num("BENCH_REQUESTS", 192)} requests at ${inFlight} in
flight; ratios are per round, then the median. Wall-clock figures are the issue's definition; the CPU columns
divide this process's CPU time (\`process.cpuUsage()\`, user + system) instead, which other processes on the cores
barely disturb: CPU ×openapi-fetch is the client's own cost (stricter than wall clock, where the server's and the
kernel's share dilutes it), and "CPU-bound ×raw" is the throughput a client that saturates its core would reach
(raw fetch's CPU per request ÷ the case's). All cases send the same bearer credential; the generated method is
the first GET of the vendor's table that answers a JSON object (one path parameter where there is one). A
vendor with a request-rate throttle is measured with it off (\`maxRequestsPerSecond: 0\`) and, in the
"throttled" row, on at ${(100_000).toLocaleString("en")}/s (its bookkeeping runs; no request waits).

${loopbackTables(loopback, paths, inFlight)}

## Targets (issue 12)

${targetTable(checks)}

## In-memory stub

The same cases with an injected fetch that answers after one \`setImmediate\` turn (as real I/O yields), so only
client-side work differs. ${stub.rounds} rounds of ${num("BENCH_STUB_CALLS", 150)} calls per case (${Math.round(stub.elapsedMs / 1000)} s).

${stubTables(stub)}

## Bundle size

esbuild (bundle, minify, ESM, \`platform: "browser"\`), gzip level 9, of a program that creates the client with
\`bearer(token)\` and makes one call; openapi-fetch's program makes the same GET without a credential. Per vendor:
one generated method, \`api.GET\` on the full client, and \`api.GET\` on the light factory \`create<Vendor>Api\`
(same options, only \`{ api, baseUrl }\`).

${bundleTable(bundles)}

Largest contributors to each program (minified bytes by source file, before gzip; core's createApiClient program is
also bundled from core's sources, for its bytes per module):

${bundleInputs(bundles)}
${streaming ? `\n## Streaming memory (Datagrok, fresh process)\n\n\`\`\`\n${streaming}\n\`\`\`\n` : ""}${beforeAfter ? `\n## Before and after\n\n${beforeAfter}\n` : ""}`;

console.log(`\n${body}`);
const out = process.env.BENCH_RESULTS ?? join(repoRoot, "bench/RESULTS.md");
if (out !== "-") {
  writeFileSync(out, body);
  formatMarkdown(out);
  console.log(`\nWritten to ${out}`);
}
const missed = checks.filter((c) => !c.met || c.cpuMet === false);
console.log(
  missed.length === 0
    ? "Every target met (wall clock and CPU time)."
    : `${missed.length} of ${checks.length} targets not met (wall clock or CPU time): ${missed
        .map(
          (c) =>
            `${c.vendor} ${c.what} ${c.value?.toFixed(2)}${c.cpu === undefined ? "" : ` (CPU ${c.cpu.toFixed(2)})`}`,
        )
        .join("; ")}`,
);

/** Biome formats the repository's markdown too (`pnpm lint`): write the file the way it would. */
function formatMarkdown(file: string): void {
  try {
    execFileSync(join(repoRoot, "node_modules/.bin/biome"), ["format", "--write", file], { stdio: "ignore" });
  } catch {
    console.warn(`(biome could not format ${file}; \`pnpm format\` will)`);
  }
}
