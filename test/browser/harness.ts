// Helpers for the "browser" vitest project: bundle test/browser/page-script.ts from the packages' sources,
// serve it from a local HTTP server, and drive Debian's Chromium through playwright-core (which never
// downloads a browser: it only talks to the executable it is given).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** `@dataclients/<dir>` → packages/<dir>/src/index.ts, so the bundle needs no prior build and never sees dist/. */
const workspaceSources: Plugin = {
  name: "dataclients-sources",
  setup(b) {
    b.onResolve({ filter: /^@dataclients\/[a-z0-9-]+$/ }, (args) => {
      const dir = args.path.slice("@dataclients/".length);
      const path = `${repoRoot}packages/${dir}/src/index.ts`;
      if (!existsSync(path)) return { errors: [{ text: `${args.path}: no ${path}` }] };
      return { path };
    });
  },
};

export interface PageBundle {
  code: string;
  /** The files that went into the bundle, relative to the repository root. */
  inputs: string[];
}

/** Bundles the in-page script for the browser: esbuild fails on any Node built-in the sources pull in. */
export function bundlePageScript(): Promise<PageBundle> {
  return bundleForBrowser({ entryPoints: [fileURLToPath(new URL("./page-script.ts", import.meta.url))] });
}

/** Bundles a script given as text (imports resolve from test/browser/), e.g. one generated from the registry. */
export function bundleSource(contents: string): Promise<PageBundle> {
  return bundleForBrowser({
    stdin: { contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts", sourcefile: "page.ts" },
  });
}

async function bundleForBrowser(
  entry: Pick<Parameters<typeof build>[0], "entryPoints" | "stdin">,
): Promise<PageBundle> {
  const result = await build({
    ...entry,
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    target: "es2022",
    metafile: true,
    logLevel: "silent",
    plugins: [workspaceSources],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output for the page script");
  return { code: output.text, inputs: Object.keys((result.metafile as Metafile).inputs) };
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the page and its bundle on 127.0.0.1 (a free port). `redirects` maps a path prefix to a URL: a request
 * under the prefix is answered 302 to the same rest of path there (for the browser's redirect behaviour).
 */
export async function serve(bundle: string, redirects: Record<string, string> = {}): Promise<StaticServer> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>dataclients</title></head>' +
    '<body><script type="module" src="/bundle.js"></script></body></html>';
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    for (const [prefix, target] of Object.entries(redirects)) {
      if (url.startsWith(`${prefix}/`)) {
        res.writeHead(302, { location: `${target}${url.slice(prefix.length)}`, "content-length": 0 });
        res.end();
        return;
      }
    }
    const [type, body] =
      url === "/" ? ["text/html", html] : url === "/bundle.js" ? ["text/javascript", bundle] : [undefined, ""];
    res.writeHead(type ? 200 : 404, { "content-type": type ?? "text/plain", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headless Chromium with a throwaway profile (playwright creates it in a temp dir and removes it on close). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
