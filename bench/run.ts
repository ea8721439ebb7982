// `pnpm bench`: prints the client overhead as ratios to raw fetch and to plain openapi-fetch (same process,
// same stub), and the bundle cost. Figures, not assertions: compare them across commits.
import { bundleSizes } from "./bundle-size.js";
import { measure, overheadCases } from "./overhead.js";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const results = await measure(overheadCases(), iterations, rounds);
const raw = results.get("raw fetch") ?? Number.NaN;
const plain = results.get("openapi-fetch") ?? Number.NaN;
console.log(
  `Per-request overhead (median of ${rounds} rounds × ${iterations} calls, in-memory fetch stub, Node ${process.version})`,
);
console.log("case                  µs/op   × raw fetch   × openapi-fetch");
for (const [name, us] of results) {
  console.log(
    `${name.padEnd(20)} ${us.toFixed(2).padStart(7)}   ${(us / raw).toFixed(2).padStart(10)}   ${(us / plain).toFixed(2).padStart(14)}`,
  );
}

console.log("\nBundle for one client and one call (esbuild, minified, browser ESM)");
const sizes = await bundleSizes();
const base = sizes[0];
for (const size of sizes) {
  const ratio = base ? ` (${(size.gzip / base.gzip).toFixed(2)}× openapi-fetch)` : "";
  console.log(
    `${size.name.padEnd(24)} ${String(size.minified).padStart(7)} B min  ${String(size.gzip).padStart(6)} B gzip${ratio}`,
  );
}
