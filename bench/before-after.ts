// Before/after over loopback HTTP, both builds in ONE process and the same interleaved rounds, so the machine's
// load hits both alike: dataops-live `getProject(21816)` / `api.GET("/projects/{id}")` and solucao42's permissions
// call / `api.GET("/api/v1/auth/permissions")`, against raw fetch and plain openapi-fetch.
//   git worktree add /tmp/bench-before 7d8879c && (cd /tmp/bench-before && pnpm install --frozen-lockfile --prefer-offline && pnpm build)
//   pnpm build && pnpm exec tsx --tsconfig tsconfig.dist.json bench/before-after.ts /tmp/bench-before 7d8879c
//   git worktree remove --force /tmp/bench-before
// Writes bench/before-after.md, which `pnpm bench` copies into RESULTS.md (the "before" tree is not kept around).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import createOpenapiClient from "openapi-fetch";
import { repoRoot } from "../scripts/lib/registry.js";
import { ANSWER, API, type Case, checkCases, PLAIN, RAW } from "./lib/cases.js";
import { load, machine } from "./lib/machine.js";
import { measure } from "./lib/measure.js";
import { startLoopbackServer } from "./lib/server-process.js";
import { entryOf, TOKEN } from "./lib/targets.js";

const [beforeRoot, beforeLabel = "before"] = process.argv.slice(2).filter((a) => a !== "--");
if (!beforeRoot) throw new Error("usage: before-after.ts <root of the before tree> [label]");
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const calls = Number(process.env.BENCH_CALLS ?? 30);
const requests = Number(process.env.BENCH_REQUESTS ?? 192);

// biome-ignore lint/suspicious/noExplicitAny: packages of two builds, loaded at run time.
type AnyModule = any;
const importPackage = async (root: string, dir: string): Promise<AnyModule> =>
  import(pathToFileURL(entryOf(join(root, "packages", dir))).href);

const afterLabel = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
const builds = [
  { label: `before (${beforeLabel})`, root: beforeRoot, permissions: "permissions" },
  { label: `after (${afterLabel})`, root: repoRoot, permissions: "getPermissions" },
];

const specs = [
  {
    vendor: "dataops-live",
    factory: "createDataopsLiveClient",
    basePath: "/api/v4",
    template: "/projects/{id}",
    params: { path: { id: 21816 } },
    path: "/projects/21816",
    call: (client: AnyModule) => client.getProject(21816),
    method: "getProject()",
  },
  {
    vendor: "solucao42",
    factory: "createSolucao42Client",
    basePath: "",
    template: "/api/v1/auth/permissions",
    params: {},
    path: "/api/v1/auth/permissions",
    call: undefined,
    method: "permissions call",
  },
];

const server = await startLoopbackServer(
  specs.map((s) => `${s.basePath}${s.path}`),
  ANSWER,
);
const loadBefore = load();
let result: Awaited<ReturnType<typeof measure>>;
try {
  const groups: Case[][] = [];
  for (const spec of specs) {
    const baseUrl = `${server.origin}${spec.basePath}`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const plain = createOpenapiClient<Record<string, never>>({ baseUrl }) as AnyModule;
    const group: Case[] = [
      { vendor: spec.vendor, name: RAW, run: async () => (await fetch(`${baseUrl}${spec.path}`, { headers })).json() },
      {
        vendor: spec.vendor,
        name: PLAIN,
        run: async () => (await plain.GET(spec.template, { params: spec.params, headers })).data,
      },
    ];
    for (const build of builds) {
      const mod = await importPackage(build.root, spec.vendor);
      const client = mod[spec.factory]({ baseUrl, auth: mod.bearer(TOKEN) });
      const method = spec.call ?? ((c: AnyModule) => c[build.permissions]());
      group.push(
        {
          vendor: spec.vendor,
          name: `${build.label} ${API}`,
          run: async () => (await client.api.GET(spec.template, { params: spec.params })).data,
        },
        {
          vendor: spec.vendor,
          name: `${build.label} ${spec.call ? spec.method : `${build.permissions}()`}`,
          run: () => method(client),
        },
      );
    }
    await checkCases(group);
    groups.push(group);
  }
  result = await measure(groups, {
    rounds,
    minRounds: Math.min(rounds, 7),
    budgetMs: Number(process.env.BENCH_BUDGET_S ?? 120) * 1000,
    calls,
    requests,
    inFlight,
    warmup: 200,
  });
} finally {
  await server.stop();
}

const m = machine();
const f2 = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(2));
const lines = [
  `Measured by \`tsx --tsconfig tsconfig.dist.json bench/before-after.ts <before tree> ${beforeLabel}\` on ${new Date().toISOString()}`,
  `(${m.cores} cores, ${m.cpu}, Node ${m.node}, load average ${loadBefore} → ${load()}): both builds in one process,`,
  `${result.rounds} interleaved rounds over loopback HTTP (${calls} sequential calls and ${requests} requests at ${inFlight} in flight`,
  "per case per round), ratios per round then the median. Before = the last commit before this work; after = the",
  "commit named (the built packages).",
  "",
];
for (const spec of specs) {
  const path = `${spec.basePath}${spec.path}`;
  lines.push(`**${spec.vendor}** — \`GET ${path}\``, "");
  lines.push(
    `| per call | µs/call | ×raw fetch | ×openapi-fetch | ${inFlight} in flight, ×raw throughput | CPU ×openapi-fetch | CPU-bound ${inFlight} in flight, ×raw |`,
    "|---|---|---|---|---|---|---|",
  );
  for (const f of result.figures.filter((x) => x.vendor === spec.vendor)) {
    lines.push(
      `| ${f.name} | ${Math.round(f.us ?? 0)} | ${f2(f.xRaw)} | ${f2(f.xPlain)} | ${f2(f.rpsXRaw)} | ${f2(f.cpuXPlain)} | ${f2(f.cpuRpsXRaw)} |`,
    );
  }
  lines.push("");
}
const text = lines.join("\n");
console.log(text);
const file = join(repoRoot, "bench/before-after.md");
writeFileSync(file, `${text.trim()}\n`);
// Biome formats the repository's markdown (`pnpm lint`).
execFileSync(join(repoRoot, "node_modules/.bin/biome"), ["format", "--write", file], { stdio: "ignore" });
