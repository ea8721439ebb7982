// pnpm check:published: what a user gets from npm, checked offline. Builds the workspace, packs every package under
// packages/ with `pnpm pack` (so `workspace:` and `catalog:` ranges are rewritten as on publish), installs the
// tarballs with plain npm into an empty temporary project, and there
// - imports each package from an ES module and requires it from a CommonJS script: each registered vendor's factory
//   (create<Name>Client, named from redocly.yaml like the scaffold does) is called with a loopback baseUrl and an
//   injected fetch (no network; bearer auth if it insists on credentials), its raw client sends one GET to the
//   stub, `unwrap` turns the stub's 404 into a NotFoundError, and that error is an instance of the `ApiError`
//   exported by every package (one class across packages);
// - type-checks an .mts and a .cts file importing every package with `module: nodenext` and `skipLibCheck: false`,
//   once with the DOM lib (browser users, both files) and once with @types/node and no DOM (Node users, the .mts);
// - checks that every package's engines.node equals the root package.json's.
// The package list is the folders under packages/ (private packages skipped), never a hand list. A failed build
// names the package and stops the check. Failures of the later stages are collected and reported together.
//
//   pnpm check:published          (--keep leaves the temporary project in place for a look)
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { loadRegistry, repoRoot } from "./lib/registry.js";

const exec = promisify(execFile);
const keep = process.argv.includes("--keep");
const started = performance.now();

interface Pkg {
  dir: string;
  name: string;
  version: string;
  json: Record<string, unknown>;
}

function fail(message: string, workDir?: string): never {
  console.error(`\ncheck:published: ${message}`);
  if (workDir) console.error(`(the temporary project is kept at ${workDir})`);
  process.exit(1);
}

let stepStarted: number | undefined;
function step(label: string): void {
  const now = performance.now();
  if (stepStarted !== undefined) console.log(`  ↳ ${((now - stepStarted) / 1000).toFixed(1)} s`);
  console.log(`\n— ${label}`);
  stepStarted = now;
}

async function run(cmd: string, args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` || String(error) };
  }
}

function workspacePackages(): Pkg[] {
  const packagesDir = join(repoRoot, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, "package.json")))
    .map((entry) => {
      const json = JSON.parse(readFileSync(join(packagesDir, entry.name, "package.json"), "utf8"));
      return { dir: join(packagesDir, entry.name), name: json.name, version: json.version, json };
    })
    .filter((pkg) => pkg.json.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every file the manifest points at (main, module, types, exports targets). */
function entryFiles(json: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*") && !value.endsWith("package.json")) files.add(value);
    } else if (value && typeof value === "object") {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  for (const field of ["main", "module", "types", "exports"]) {
    const value = json[field];
    walk(typeof value === "string" && !value.startsWith("./") ? `./${value}` : value);
  }
  return [...files];
}

// The runtime check, one body for both module systems; `load` is `import()` or `require`.
const RUNTIME_CHECK = String.raw`
const problems = [];
const summary = { modules: {}, clients: {}, apiErrorFrom: [] };
const mods = {};
for (const name of NAMES) {
  try {
    mods[name] = await load(name);
  } catch (error) {
    problems.push(name + ": cannot be loaded: " + (error && error.message));
    continue;
  }
  const keys = Object.keys(mods[name]).filter((key) => key !== "default" && key !== "module.exports");
  summary.modules[name] = keys;
  if (keys.length === 0) problems.push(name + ": exports nothing");
}
const exporters = Object.keys(mods).filter((name) => typeof mods[name].ApiError === "function");
summary.apiErrorFrom = exporters;
const ApiError = exporters.length > 0 ? mods[exporters[0]].ApiError : undefined;
if (exporters.length < 2) problems.push("fewer than two packages export ApiError: " + exporters.join(", "));
for (const name of exporters) {
  if (mods[name].ApiError !== ApiError) problems.push(name + ": its ApiError is not " + exporters[0] + "'s (two copies of the class)");
}
const pick = (key) => Object.values(mods).map((mod) => mod[key]).find((value) => typeof value === "function");
const unwrap = pick("unwrap");
const bearer = pick("bearer");
if (!unwrap) problems.push("no package exports unwrap");
let factories = 0;
for (const [name, key] of Object.entries(FACTORIES)) {
  const mod = mods[name];
  if (!mod) continue;
  const create = mod[key];
  factories++;
  if (typeof create !== "function") {
    problems.push(name + ": does not export " + key + " (the registry's name for its client factory)");
    continue;
  }
  const label = name + " " + key;
  const requests = [];
  const fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.method + " " + request.url);
    return new Response(JSON.stringify({ message: "404 Not Found" }), {
      status: 404,
      headers: { "content-type": "application/json" },
    });
  };
  const options = { baseUrl: "http://127.0.0.1:9/api", fetch, maxRetries: 0 };
  let client;
  let withAuth = false;
  try {
    client = create(options);
  } catch (first) {
    try {
      client = create({ ...options, auth: bearer("check-published-token") });
      withAuth = true;
    } catch (second) {
      problems.push(label + ": cannot be constructed: " + first.message + " / with bearer auth: " + second.message);
      continue;
    }
  }
  summary.clients[key] = { from: name, withAuth };
  if (typeof client?.api?.GET !== "function") {
    problems.push(label + ": the client has no api.GET");
    continue;
  }
  const result = await client.api.GET("/check-published");
  if (requests.length !== 1 || requests[0] !== "GET http://127.0.0.1:9/api/check-published") {
    problems.push(label + ": expected one GET to the stub, saw " + JSON.stringify(requests));
  }
  if (result.response.status !== 404) problems.push(label + ": expected the stub's 404, got " + result.response.status);
  let thrown;
  try {
    unwrap?.(result);
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof ApiError) || thrown.status !== 404 || thrown.name !== "NotFoundError") {
    problems.push(label + ": unwrap(404) should throw a NotFoundError that is an ApiError, got " + String(thrown));
  } else {
    console.log("  " + MODE + " " + label + "(): GET -> stub 404 -> " + thrown.name + " instanceof ApiError" + (withAuth ? " (with bearer auth)" : ""));
  }
}
if (factories === 0) problems.push("no package under packages/ is a registered vendor (redocly.yaml apis:)");
for (const name of Object.keys(summary.modules)) console.log("  " + MODE + " " + name + ": " + summary.modules[name].length + " exports");
if (SUMMARY_FILE) require_fs().writeFileSync(SUMMARY_FILE, JSON.stringify(summary));
if (problems.length > 0) {
  console.error(problems.map((p) => "  " + MODE + " FAIL " + p).join("\n"));
  process.exitCode = 1;
}
`;

function runtimeScript(
  mode: "esm" | "cjs",
  names: string[],
  factories: Record<string, string>,
  summaryFile: string | null,
): string {
  const head =
    mode === "esm"
      ? `import * as fs from "node:fs";\nconst require_fs = () => fs;\nconst load = (name) => import(name);\n`
      : `const require_fs = () => require("node:fs");\nconst load = (name) => require(name);\n`;
  const consts = `const NAMES = ${JSON.stringify(names)};\nconst FACTORIES = ${JSON.stringify(factories)};\nconst MODE = ${JSON.stringify(mode)};\nconst SUMMARY_FILE = ${JSON.stringify(summaryFile)};\n`;
  return mode === "esm"
    ? `${head}${consts}${RUNTIME_CHECK}`
    : `${head}${consts}(async () => {${RUNTIME_CHECK}})().catch((error) => { console.error(error); process.exitCode = 1; });\n`;
}

interface RuntimeSummary {
  modules: Record<string, string[]>;
  clients: Record<string, { from: string; withAuth: boolean }>;
  apiErrorFrom: string[];
}

function typeCheckSource(pkgs: Pkg[], summary: RuntimeSummary): string {
  const alias = new Map(pkgs.map((pkg, i) => [pkg.name, `p${i}`]));
  const lines = pkgs.map((pkg) => `import * as ${alias.get(pkg.name)} from "${pkg.name}";`);
  const bearerFrom = Object.keys(summary.modules).find((name) => summary.modules[name]?.includes("bearer"));
  const [first, ...others] = summary.apiErrorFrom;
  for (const name of others) {
    lines.push(
      `export const same${alias.get(name)}: typeof ${alias.get(first as string)}.ApiError = ${alias.get(name)}.ApiError;`,
    );
  }
  for (const [fn, { from, withAuth }] of Object.entries(summary.clients)) {
    const a = alias.get(from);
    const auth = withAuth && bearerFrom ? `, auth: ${alias.get(bearerFrom)}.bearer("t")` : "";
    lines.push(`export const ${fn}Instance = ${a}.${fn}({ baseUrl: "http://127.0.0.1:9"${auth} });`);
    lines.push(`export type ${fn}Get = (typeof ${fn}Instance)["api"]["GET"];`);
  }
  for (const name of summary.apiErrorFrom) {
    lines.push(
      `export const isApiError${alias.get(name)} = (e: unknown): boolean => e instanceof ${alias.get(name)}.ApiError;`,
    );
  }
  return `${lines.join("\n")}\n`;
}

// ---- main ----
const pkgs = workspacePackages();
if (pkgs.length === 0) fail("no packages under packages/");
console.log(`packages: ${pkgs.map((p) => p.name).join(", ")}`);

step("engines");
const nodeEngine = (json: Record<string, unknown>): string | undefined =>
  (json.engines as { node?: string } | undefined)?.node;
const rootEngines = nodeEngine(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")));
const engineProblems = pkgs
  .filter((pkg) => nodeEngine(pkg.json) !== rootEngines)
  .map(
    (pkg) =>
      `${relative(repoRoot, pkg.dir)}/package.json: engines.node is ${JSON.stringify(nodeEngine(pkg.json))}, ` +
      `expected ${JSON.stringify(rootEngines)} like the root package.json (README "Supported runtimes")`,
  );
if (engineProblems.length > 0) fail(engineProblems.join("\n"));
console.log(`every package says engines.node ${rootEngines}`);

step("build (pnpm build)");
const build = await run("pnpm", ["exec", "turbo", "run", "build", "--continue", "--output-logs=errors-only"], repoRoot);
const failedTasks = [...build.output.matchAll(/Failed:\s+(\S+)#build/g)].map((m) => m[1]);
const missing = pkgs.flatMap((pkg) =>
  entryFiles(pkg.json)
    .filter((file) => !existsSync(join(pkg.dir, file)))
    .map((file) => `${pkg.name}: ${file} was not built`),
);
if (!build.ok || missing.length > 0) {
  console.error(build.output.trim());
  fail(
    `the build failed${failedTasks.length ? ` for ${failedTasks.join(", ")}` : ""}; nothing was packed` +
      (missing.length ? `\n${missing.join("\n")}` : ""),
  );
}
console.log(`built ${pkgs.length} packages`);

const work = mkdtempSync(join(tmpdir(), "dataclients-published-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
mkdirSync(tarballs);
mkdirSync(project);

step("pack (pnpm pack)");
const packed = await Promise.all(
  pkgs.map(async (pkg) => {
    const result = await run("pnpm", ["pack", "--pack-destination", tarballs], pkg.dir);
    if (!result.ok) fail(`pnpm pack failed for ${pkg.name}:\n${result.output}`, work);
    return pkg;
  }),
);
const files = readdirSync(tarballs).filter((f) => f.endsWith(".tgz"));
if (files.length !== packed.length) fail(`expected ${packed.length} tarballs, found ${files.join(", ")}`, work);
for (const file of files) {
  const manifest = await run("tar", ["-xOzf", join(tarballs, file), "package/package.json"], work);
  if (/"(workspace|catalog):/.test(manifest.output))
    fail(`${file}: package.json still has workspace:/catalog: ranges`, work);
}
console.log(files.join(", "));

step("install the tarballs with npm into an empty project");
writeFileSync(
  join(project, "package.json"),
  `${JSON.stringify({ name: "published-check", private: true, version: "0.0.0" }, null, 2)}\n`,
);
const install = await run(
  "npm",
  [
    "install",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--prefer-offline",
    "--loglevel=error",
    ...files.map((f) => join(tarballs, f)),
  ],
  project,
);
if (!install.ok) fail(`npm install of the tarballs failed:\n${install.output}`, work);
// Each @dataclients package must be our tarball, once: a registry copy or a nested duplicate would hide a bug.
const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; resolved?: string }>;
};
for (const [path, entry] of Object.entries(lock.packages)) {
  const name = path.replace(/^.*node_modules\//, "");
  const pkg = pkgs.find((p) => p.name === name);
  if (!name.startsWith("@dataclients/")) continue;
  if (!pkg || path !== `node_modules/${name}` || !entry.resolved?.startsWith("file:")) {
    fail(`${path} came from ${entry.resolved ?? "?"} (version ${entry.version}), not from a packed tarball`, work);
  }
}
console.log(
  `installed ${pkgs.length} packages and ${Object.keys(lock.packages).length - 1 - pkgs.length} dependencies from the registry`,
);

step(`run them (Node ${process.version}, no network)`);
const names = pkgs.map((p) => p.name);
// Vendor packages and their factory names come from the registry (createSolucao42Client), like the scaffold's.
const factories = Object.fromEntries(
  loadRegistry(repoRoot)
    .filter((vendor) => names.includes(vendor.packageName))
    .map((vendor) => [vendor.packageName, `create${vendor.identifier}Client`]),
);
const summaryFile = join(work, "runtime-summary.json");
writeFileSync(join(project, "check.mjs"), runtimeScript("esm", names, factories, summaryFile));
writeFileSync(join(project, "check.cjs"), runtimeScript("cjs", names, factories, null));
const failures: string[] = [];
for (const script of ["check.mjs", "check.cjs"]) {
  const result = await run(process.execPath, [script], project);
  console.log(result.output.trimEnd());
  if (!result.ok) failures.push(`node ${script} failed (the FAIL lines above)`);
}
if (!existsSync(summaryFile)) fail(`check.mjs wrote no summary; ${failures.join("; ")}`, work);

step("type-check them (tsc, module nodenext, skipLibCheck false)");
const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as RuntimeSummary;
const source = typeCheckSource(pkgs, summary);
writeFileSync(join(project, "check-esm.mts"), source);
writeFileSync(join(project, "check-cjs.cts"), source);
const requireFromRepo = createRequire(join(repoRoot, "package.json"));
const tsc = join(dirname(requireFromRepo.resolve("typescript/package.json")), "bin", "tsc");
const typesNode = dirname(dirname(requireFromRepo.resolve("@types/node/package.json")));
const base = {
  module: "nodenext",
  moduleResolution: "nodenext",
  target: "es2022",
  strict: true,
  skipLibCheck: false,
  noEmit: true,
};
// Browser users (DOM lib) through both entry points; Node users (@types/node, no DOM) through the ESM one only,
// since the .d.cts files repeat the .d.ts ones and checking the vendors' schemas costs most of this step.
const configs = {
  "tsconfig.dom.json": {
    compilerOptions: { ...base, lib: ["es2022", "dom", "dom.iterable"], types: [] },
    files: ["check-esm.mts", "check-cjs.cts"],
  },
  "tsconfig.node.json": {
    compilerOptions: { ...base, lib: ["es2022"], types: ["node"], typeRoots: [typesNode] },
    files: ["check-esm.mts"],
  },
};
const checks = Object.entries(configs).map(async ([file, config]) => {
  const { compilerOptions } = config;
  writeFileSync(join(project, file), JSON.stringify(config));
  const result = await run(process.execPath, [tsc, "-p", file], project);
  const what = `${config.files.join(" + ")}; ${compilerOptions.lib.join(", ")}${compilerOptions.types.length ? ", @types/node" : ""}`;
  if (result.ok) console.log(`  tsc -p ${file} (${what}): no errors`);
  else {
    console.log(`  tsc -p ${file} (${what}):\n${result.output.trimEnd()}`);
    failures.push(`tsc -p ${file} failed (the errors above)`);
  }
});
await Promise.all(checks);

step("result");
if (failures.length > 0) fail(`the published packages do not work as installed:\n${failures.join("\n")}`, work);
if (keep) console.log(`\nkept ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(
  `\ncheck:published: ${pkgs.length} packages packed, installed with npm, loaded as ESM and CJS and type-checked ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
