// pnpm run docs: an HTML API reference per registered API (redocly.yaml `apis:`) and docs/index.html linking them,
// readable offline from file://. (Plain `pnpm docs` is npm's "open the package's docs page" command, not this.)
//
// `redocly build-docs` prerenders each page and then hydrates it with Redoc's standalone bundle, which it loads
// from cdn.redocly.com as an ES module. Here the pages load that bundle from docs/redoc.standalone.js instead:
// - the bundle is the one @redocly/cli itself ships (lib/chunks/redoc.standalone.js, byte-identical to the `redoc`
//   package's bundles/redoc.standalone.js of the same version, which is what its `--inlineBundle` embeds). The
//   `redoc` package itself cannot be installed: redoc 3.0.x depends on @redocly/redoc-opentelemetry@^0.5.1, which
//   the registry does not have, and redoc 2.x is a different renderer that cannot hydrate 2.x-CLI markup;
// - it is converted to a classic script (esbuild, IIFE, global `Redoc`), because browsers refuse module scripts
//   from file:// URLs, and written once for all pages;
// - the page's version (from the CDN URL) must equal the bundle's, or hydration would not match the markup.
// REDOCLY_TELEMETRY=off stops the CLI's usage report and makes the pages' `disableTelemetry` true.
//
//   pnpm run docs                   build docs/ (cleared first) and check that no page loads a script from the network
//   pnpm run docs --verify-render   also open each page in headless /usr/bin/chromium with the network blocked
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { transform } from "esbuild";
import { loadRegistry, readSpec, repoRoot, type Vendor } from "./lib/registry.js";

const run = promisify(execFile);
const docsDir = join(repoRoot, "docs");
const BUNDLE = "redoc.standalone.js";
const CHROMIUM = "/usr/bin/chromium";

function fail(message: string): never {
  console.error(`docs: ${message}`);
  process.exit(1);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function redoclyPaths(): { cli: string; bundle: string } {
  const require = createRequire(join(repoRoot, "package.json"));
  const root = dirname(require.resolve("@redocly/cli/package.json"));
  return { cli: join(root, "bin", "cli.js"), bundle: join(root, "lib", "chunks", BUNDLE) };
}

/** Redoc's ES-module standalone bundle as a classic script that sets `window.Redoc`. */
async function classicBundle(path: string): Promise<{ code: string; version: string }> {
  if (!existsSync(path)) {
    fail(`${relative(repoRoot, path)} is missing: this @redocly/cli no longer ships Redoc's bundle there`);
  }
  const source = readFileSync(path, "utf8");
  const version = /^\s*\*\s*Version:\s*(\S+)/m.exec(source)?.[1];
  if (!version) fail(`${relative(repoRoot, path)}: no "Version:" line in the bundle's header`);
  const { code, warnings } = await transform(source, {
    format: "iife",
    globalName: "Redoc",
    minify: true,
    legalComments: "inline",
    logLevel: "silent",
  });
  // import.meta only appears on Redoc's Node-only worker path (flexsearch); it is never reached in a browser.
  for (const warning of warnings.filter((w) => !w.id?.includes("import-meta"))) {
    console.warn(`esbuild: ${warning.text}`);
  }
  return { code, version };
}

const CDN_IMPORT =
  /<script type="module">(\s*)import \{ hydrate \} from "https:\/\/cdn\.redocly\.com\/redoc\/v([^/"]+)\/bundles\/redoc\.standalone\.js";/;
const CDN_PRELOAD = /<link rel="modulepreload" href="https:\/\/cdn\.redocly\.com\/[^"]*"[^>]*>/g;

function pointAtLocalBundle(html: string, page: string, bundleVersion: string): string {
  const found = CDN_IMPORT.exec(html);
  if (!found) {
    fail(
      `${page}: redocly build-docs no longer imports Redoc as expected (update pointAtLocalBundle in scripts/docs.ts)`,
    );
  }
  if (found[2] !== bundleVersion) {
    fail(`${page}: the page is prerendered for Redoc ${found[2]} but the bundle is ${bundleVersion}`);
  }
  return html
    .replace(CDN_PRELOAD, "")
    .replace(
      CDN_IMPORT,
      `<script src="${BUNDLE}"></script>\n<script type="module">$1const { hydrate } = window.Redoc;`,
    );
}

// Anything that would fetch code or styles from the network: script src, link href, ES imports, CSS @import.
const REMOTE = [
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^\s"'>]+/gi,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^\s"'>]+/gi,
  /\bimport\s*(?:[\w$*{}\s,]+\bfrom\s*)?["'](?:https?:)?\/\/[^"']+/g,
  /\bimport\s*\(\s*["'](?:https?:)?\/\/[^"']+/g,
  /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^\s"')]+/gi,
];

function remoteLoads(html: string): string[] {
  return REMOTE.flatMap((pattern) => [...html.matchAll(pattern)].map((m) => m[0].slice(0, 160)));
}

interface Page {
  vendor: Vendor;
  file: string;
  title: string;
  version: string;
}

async function buildPage(vendor: Vendor, cli: string, bundleVersion: string): Promise<Page> {
  const file = `${vendor.dir}.html`;
  const out = join(docsDir, file);
  try {
    await run(process.execPath, [cli, "build-docs", vendor.dir, "--output", out], {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    fail(`redocly build-docs ${vendor.dir} failed:\n${stderr || stdout || String(error)}`);
  }
  writeFileSync(out, pointAtLocalBundle(readFileSync(out, "utf8"), file, bundleVersion));
  const info = (readSpec(vendor.specPath).info ?? {}) as { title?: string; version?: string };
  return { vendor, file, title: info.title ?? vendor.displayName, version: info.version ?? "" };
}

function indexPage(pages: Page[]): string {
  const rows = pages
    .map(
      (p) =>
        `      <li><a href="${escapeHtml(p.file)}">${escapeHtml(p.vendor.displayName)}</a> — ${escapeHtml(p.title)}` +
        `${p.version ? ` <small>${escapeHtml(p.version.replace(/^(?=\d)/, "v"))}</small>` : ""} <code>${escapeHtml(p.vendor.packageName)}</code></li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>dataclients — API reference</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
      li { margin: 0.5rem 0; }
      code, small { color: #59636e; }
    </style>
  </head>
  <body>
    <h1>dataclients — API reference</h1>
    <p>One page per vendor API, generated from <code>specs/&lt;vendor&gt;/openapi.yaml</code> by <code>pnpm docs</code>.</p>
    <ul>
${rows}
    </ul>
  </body>
</html>
`;
}

/** Opens each page with every non-file request blocked; fails on page errors, blocked scripts or no hydration. */
async function verifyRender(files: string[]): Promise<void> {
  if (!existsSync(CHROMIUM)) fail(`--verify-render needs ${CHROMIUM}`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const problems: string[] = [];
  try {
    for (const file of files) {
      const page = await browser.newPage();
      const blocked: string[] = [];
      await page.route(/^(?!file:)/, (route) => {
        blocked.push(`${route.request().resourceType()} ${route.request().url()}`);
        return route.abort();
      });
      page.on("pageerror", (error) => problems.push(`${file}: page error: ${error.message}`));
      // A blocked request also logs "Failed to load resource"; those are judged by `blocked` below.
      page.on("console", (msg) => {
        if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) {
          problems.push(`${file}: console error: ${msg.text()}`);
        }
      });
      await page.goto(pathToFileURL(join(docsDir, file)).href, { waitUntil: "load" });
      const state = await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const container = document.getElementById("redoc");
        return {
          hasRedoc: typeof (window as { Redoc?: { hydrate?: unknown } }).Redoc?.hydrate === "function",
          hydrated: !!container && Object.keys(container).some((key) => key.startsWith("__reactContainer")),
          text: document.body.textContent?.length ?? 0,
        };
      });
      if (file !== "index.html") {
        if (!state.hasRedoc) problems.push(`${file}: window.Redoc was not defined (${BUNDLE} did not load)`);
        if (!state.hydrated) problems.push(`${file}: Redoc did not hydrate #redoc`);
      }
      if (state.text < 100) problems.push(`${file}: almost no text on the page`);
      for (const request of blocked.filter((r) => /^(script|stylesheet|fetch|xhr)\b/.test(r))) {
        problems.push(`${file}: tried to load from the network: ${request}`);
      }
      const images = blocked.filter((r) => !/^(script|stylesheet|fetch|xhr)\b/.test(r));
      console.log(`rendered ${file}${images.length ? ` (offline, skipped: ${images.join(", ")})` : ""}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length > 0) fail(`the pages do not render offline:\n${problems.join("\n")}`);
}

const started = performance.now();
const vendors = loadRegistry(repoRoot);
if (vendors.length === 0) fail("redocly.yaml has no apis: entries");
const { cli, bundle } = redoclyPaths();
rmSync(docsDir, { recursive: true, force: true });
mkdirSync(docsDir, { recursive: true });

const redoc = await classicBundle(bundle);
writeFileSync(join(docsDir, BUNDLE), `${redoc.code}`);
const pages = await Promise.all(vendors.map((vendor) => buildPage(vendor, cli, redoc.version)));
writeFileSync(join(docsDir, "index.html"), indexPage(pages));

const files = ["index.html", ...pages.map((p) => p.file)];
const remote = files.flatMap((file) =>
  remoteLoads(readFileSync(join(docsDir, file), "utf8")).map((hit) => `${file}: ${hit}`),
);
if (remote.length > 0) fail(`pages still load code or styles from the network:\n${remote.join("\n")}`);

let total = 0;
for (const file of [...files, BUNDLE]) {
  const size = statSync(join(docsDir, file)).size;
  total += size;
  console.log(`docs/${file.padEnd(28)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(
  `${pages.length} API reference page(s) with Redoc ${redoc.version} bundled locally, ${(total / 1024).toFixed(0)} KiB ` +
    `in docs/, no script or style from the network (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
if (process.argv.includes("--verify-render")) {
  await verifyRender(files);
  console.log(`every page rendered and hydrated in headless Chromium with the network blocked`);
}
