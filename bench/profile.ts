// A CPU profile of one case (what `pnpm bench` times), for finding where the client's time goes:
//   TSX_TSCONFIG_PATH=tsconfig.dist.json node --cpu-prof --cpu-prof-dir=/tmp/bench-prof --import tsx bench/profile.ts
//   pnpm exec tsx bench/cpuprofile-summary.ts /tmp/bench-prof/<file>.0.001.cpuprofile   (.0.: the main thread)
// --cpu-prof also records start-up (module loading, the registry's YAML); BENCH_PROFILE_OUT=<file.cpuprofile>
// instead records only the timed loop, after warm-up, through node:inspector (same file format).
// BENCH_PROFILE="<vendor>:<case>" (default "dataops-live:api.GET"; a case is "raw fetch", "openapi-fetch",
// "api.GET" or "<operation>()"), BENCH_PROFILE_CALLS (20000), BENCH_PROFILE_MODE ("loopback" or "stub"),
// BENCH_PROFILE_IN_FLIGHT (1). The loopback server runs in a child process, outside the profile.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { ANSWER, type Case, casesFor, checkCases } from "./lib/cases.js";
import { startLoopbackServer } from "./lib/server-process.js";
import { loadTargets } from "./lib/targets.js";
import { stubFetch } from "./overhead.js";

const [vendor, name] = (process.env.BENCH_PROFILE ?? "dataops-live:api.GET").split(":");
const calls = Number(process.env.BENCH_PROFILE_CALLS ?? 20_000);
const inFlight = Number(process.env.BENCH_PROFILE_IN_FLIGHT ?? 1);
const mode = process.env.BENCH_PROFILE_MODE ?? "loopback";

const target = (await loadTargets()).find((t) => t.vendor.dir === vendor);
if (!target) throw new Error(`BENCH_PROFILE: no vendor ${vendor}`);
const server =
  mode === "loopback" ? await startLoopbackServer([`${target.vendor.basePath}${target.path}`], ANSWER) : undefined;
try {
  const cases = casesFor(target, server?.origin ?? "http://127.0.0.1:9", server ? undefined : stubFetch);
  const c = cases.find((x) => x.name === name) as Case | undefined;
  if (!c) throw new Error(`BENCH_PROFILE: ${vendor} has cases ${cases.map((x) => x.name).join(", ")}`);
  await checkCases([c]);
  for (let i = 0; i < 500; i++) await c.run();
  const out = process.env.BENCH_PROFILE_OUT;
  const session = out ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
  }
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (issued++ < calls) await c.run();
    }),
  );
  const ms = performance.now() - started;
  if (session && out) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `${vendor} ${name} (${mode}, ${inFlight} in flight): ${calls} calls, ${((ms * 1000) / calls).toFixed(1)} µs/call`,
  );
} finally {
  await server?.stop();
}
