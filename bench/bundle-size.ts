// Bundle cost for a user: what a minified, tree-shaken app that creates a client and makes one call weighs,
// compared with the same app on plain openapi-fetch.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "../scripts/lib/registry.js";

const entries = {
  "openapi-fetch": `import createClient from "openapi-fetch"; const c = createClient({ baseUrl: "https://x" }); c.GET("/a").then(console.log);`,
  "@dataclients/solucao42": `import { createSolucao42Client, apiKeyAuth } from "@dataclients/solucao42";
const s = createSolucao42Client({ auth: apiKeyAuth({ companySlug: "a", apiKey: "s42_x", apiSecret: "y" }) });
s.executeAndWait("default", "r").then(console.log);`,
};

export async function bundleSizes(): Promise<Array<{ name: string; minified: number; gzip: number }>> {
  const out = [];
  for (const [name, contents] of Object.entries(entries)) {
    const result = await build({
      stdin: { contents, resolveDir: repoRoot, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    out.push({ name, minified: code.byteLength, gzip: gzipSync(code).byteLength });
  }
  return out;
}
