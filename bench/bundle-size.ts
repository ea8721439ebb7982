// Bundle cost for a user: a minified, tree-shaken browser program (esbuild, ESM, gzip) that creates a client with
// a bearer credential and makes one call, for every registered vendor, three ways: one generated method, `api.GET`
// on the full client, and `api.GET` on the light factory create<Vendor>Api (which must pay for no helper).
// Baselines: bare openapi-fetch, and core's createApiClient, also bundled from core's sources for its bytes per
// module (the built dist is one file, so it shows only per package).

import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "../scripts/lib/registry.js";
import { entryOf, type Target } from "./lib/targets.js";

export interface BundleSize {
  vendor?: string;
  name: string;
  minified: number;
  gzip: number;
  /** Minified bytes by source file (package/path), largest first. */
  inputs: Array<[string, number]>;
  /** Bundled from the package sources rather than the built dist: a per-module breakdown, not a user's program. */
  fromSource?: boolean;
}

export const OPENAPI_FETCH = "openapi-fetch (bare)";

function sourceOf(path: string): string {
  const m = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+\/.+)$/);
  if (m?.[1]) return m[1];
  return path.replace(/^.*?packages\//, "@dataclients/");
}

async function bundle(
  contents: string,
  from: { resolveDir: string; loader: "js" | "ts" } = { resolveDir: repoRoot, loader: "js" },
): Promise<Omit<BundleSize, "vendor" | "name">> {
  const result = await build({
    metafile: true,
    // The built packages only: the root tsconfig's `paths` would send @dataclients/* to their sources.
    tsconfig: join(repoRoot, "tsconfig.dist.json"),
    stdin: { contents, ...from },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = new Map<string, number>();
  for (const output of Object.values(result.metafile?.outputs ?? {}))
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs))
      inputs.set(sourceOf(path), (inputs.get(sourceOf(path)) ?? 0) + bytesInOutput);
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    inputs: [...inputs].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]),
  };
}

export async function bundleSizes(targets: readonly Target[]): Promise<BundleSize[]> {
  const out: BundleSize[] = [];
  out.push({
    name: OPENAPI_FETCH,
    ...(await bundle(
      `import createClient from "openapi-fetch"; const c = createClient({ baseUrl: "https://x.example/api" }); c.GET("/a/{id}", { params: { path: { id: 1 } } }).then(console.log);`,
    )),
  });
  const coreProgram = (from: string) =>
    `import { createApiClient } from ${JSON.stringify(from)}; const c = createApiClient({ baseUrl: "https://x.example/api" }, { name: "x" }); c.api.GET("/a/{id}", { params: { path: { id: 1 } } }).then(console.log);`;
  out.push({
    name: "core createApiClient + api.GET",
    ...(await bundle(coreProgram(entryOf(join(repoRoot, "packages/core"))))),
  });
  out.push({
    name: "core createApiClient + api.GET (from src)",
    fromSource: true,
    ...(await bundle(coreProgram("./src/index.ts"), { resolveDir: join(repoRoot, "packages/core"), loader: "ts" })),
  });
  for (const target of targets) {
    const { vendor } = target;
    const head = `import { create${vendor.identifier}Client, bearer } from ${JSON.stringify(entryOf(vendor.packageDir))};
const c = create${vendor.identifier}Client({ baseUrl: "https://x.example${vendor.basePath}", auth: bearer("t") });`;
    const call = `c.${target.operation}(${target.values.join(", ")}).then(console.log);`;
    const api = `c.api.GET(${JSON.stringify(target.template)}, { params: { path: ${JSON.stringify(target.named)} } }).then(console.log);`;
    out.push({ vendor: vendor.dir, name: `client + ${target.operation}()`, ...(await bundle(`${head}\n${call}`)) });
    out.push({ vendor: vendor.dir, name: "client + api.GET only", ...(await bundle(`${head}\n${api}`)) });
    const light = `create${vendor.identifier}Api`;
    const lightHead = `import { ${light}, bearer } from ${JSON.stringify(entryOf(vendor.packageDir))};
const c = ${light}({ baseUrl: "https://x.example${vendor.basePath}", auth: bearer("t") });`;
    out.push({ vendor: vendor.dir, name: `${light} + api.GET`, ...(await bundle(`${lightHead}\n${api}`)) });
  }
  return out;
}
