// Prism as a child process: started on an internal port behind the proxy, probed until it answers, and stopped
// with everything it forked. No Prism outlives the process that started it (see WATCHDOG and installExitHook).
// Two modes: `prism mock --errors` (answers from the spec's examples; an invalid request fails loudly), and
// `prism proxy <spec> <upstream>` in front of the real service, deliberately without --errors: with it Prism
// turns an answer that breaks the spec into a 500, which clients then retry; without it the real answer
// passes through and the violations arrive in the `sl-violations` header.
import { type ChildProcess, spawn } from "node:child_process";
import { get } from "node:http";
import { createRequire } from "node:module";
import { type AddressInfo, connect, createServer as createNetServer } from "node:net";
import { dirname, isAbsolute, join, relative } from "node:path";
import { createInterface } from "node:readline";
import { PROXY_HEADER } from "./proxy-http.js";
import type { Vendor } from "./registry.js";

// Generous: a loaded 2-core machine starting several Prisms at once (a full `pnpm test`) is much slower than 2.5 s.
const READY_TIMEOUT_MS = 45_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 3_000;
const TAIL_LINES = 20;
const INTERNAL_PORT_ATTEMPTS = 3;

/** A path no spec defines: Prism answers it with a 404 of its own, which proves it is up. */
export const PROBE_PATH = "/__mock_ready__";

// Prism runs detached (its own process group, so we can kill it whole). A detached child outlives a parent that
// is SIGKILLed, so it gets this preload: it exits when its stdin pipe from us closes, which happens when we die.
const WATCHDOG = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end", () => process.exit(0)).on("error", () => process.exit(0)).resume();',
)}`;

const livePrisms = new Set<ChildProcess>();
let exitHookInstalled = false;

/** `mock`: answers from the spec; `proxy`: forwards to `upstream` (an absolute URL, base path included). */
export type PrismMode = { kind: "mock" } | { kind: "proxy"; upstream: string };

export interface StartedPrism {
  child: ChildProcess;
  exited: Promise<number | null>;
}

export async function startPrismBehind(
  vendor: Vendor,
  upstream: { port: number },
  origin: string,
  log: ((line: string) => void) | undefined,
  mode: PrismMode = { kind: "mock" },
): Promise<StartedPrism> {
  for (let attempt = 1; ; attempt++) {
    // Another process may grab the free port before Prism binds it; Prism then exits with EADDRINUSE: retry.
    upstream.port = await freePort();
    const output: string[] = [];
    const prism = spawnPrism(vendor, upstream.port, mode, (line) => {
      output.push(line);
      if (output.length > 200) output.shift();
      if (!line.includes(PROBE_PATH)) log?.(line);
    });
    // In proxy mode an HTTP probe would reach the real service: there, Prism listening is enough.
    const probeOnce =
      mode.kind === "mock" ? () => probe(`${origin}${vendor.basePath}${PROBE_PATH}`) : () => probeTcp(upstream.port);
    const outcome = await waitUntilReady(probeOnce, prism.exited);
    if (outcome === "ready") return prism;

    await stopPrism(prism.child, prism.exited);
    const tail = outputTail(output);
    if (outcome === "exited" && /EADDRINUSE/.test(tail) && attempt < INTERNAL_PORT_ATTEMPTS) continue;
    const what = `Prism for ${vendor.dir} (${displayPath(vendor.specPath)})`;
    const code = prism.child.exitCode;
    throw new Error(
      outcome === "exited"
        ? `${what} exited with code ${code} before it answered. Its output ends with:\n${tail}`
        : `${what} did not answer within ${READY_TIMEOUT_MS / 1000} s. Its output ends with:\n${tail}`,
    );
  }
}

function spawnPrism(vendor: Vendor, port: number, mode: PrismMode, onLine: (line: string) => void): StartedPrism {
  // --no-multiprocess: Prism otherwise forks a cluster worker whenever NODE_ENV=production.
  const common = ["--no-multiprocess", "-h", "127.0.0.1", "-p", String(port)];
  const args =
    mode.kind === "mock"
      ? ["mock", "--errors", ...common, vendor.specPath]
      : ["proxy", ...common, vendor.specPath, mode.upstream];
  const child = spawn(process.execPath, ["--import", WATCHDOG, prismEntry(), ...args], {
    // Own process group: close() kills Prism and anything it forks in one signal.
    detached: process.platform !== "win32",
    stdio: ["pipe", "pipe", "pipe"],
    // Plain text for the error tail (Prism colours its log through chalk).
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  livePrisms.add(child);
  installExitHook();
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", onLine);
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      livePrisms.delete(child);
      resolve(code);
    });
    child.once("error", (error) => {
      livePrisms.delete(child);
      onLine(`could not start Prism: ${error.message}`);
      resolve(null);
    });
  });
  return { child, exited };
}

/** Prism's CLI entry, resolved from this package's dependencies so it runs without PATH or the .bin shim. */
function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error(`${manifestPath} declares no "prism" bin: is @stoplight/prism-cli installed correctly?`);
  return join(dirname(manifestPath), bin);
}

/** Polls through the proxy until Prism itself answers (any status), Prism exits, or the deadline passes. */
async function waitUntilReady(
  probeOnce: () => Promise<boolean>,
  exited: Promise<number | null>,
): Promise<"ready" | "exited" | "timeout"> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answered = await Promise.race([probeOnce(), exited.then(() => false)]);
    if (hasExited) return "exited";
    if (answered) return "ready";
    await Promise.race([sleep(POLL_INTERVAL_MS), exited]);
  }
  return hasExited ? "exited" : "timeout";
}

function probe(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.headers[PROXY_HEADER] === undefined);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

function probeTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 2_000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("timeout", () => socket.destroy());
    socket.on("error", () => resolve(false));
    socket.on("close", () => resolve(false));
  });
}

export async function stopPrism(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  child.stdin?.end();
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
    });
    const stopped = await Promise.race([exited.then(() => true), gaveUp]);
    // A pending grace timer would keep the caller's process alive for its full length.
    clearTimeout(timer);
    if (!stopped) {
      killGroup(child, "SIGKILL");
      await exited;
    }
  }
  // Anything Prism forked and left behind in its group.
  killGroup(child, "SIGKILL");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === "win32") child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

// close() is the normal way out; this covers a parent that exits without calling it (process.exit, a crash).
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of livePrisms) killGroup(child, "SIGKILL");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The last lines of Prism's output, without the yargs usage text it prints before a fatal error. */
function outputTail(lines: string[]): string {
  const kept: string[] = [];
  let usage: "no" | "yes" | "options" = "no";
  for (const line of lines) {
    if (/^prism (mock|proxy) </.test(line)) usage = "yes";
    if (usage === "yes" && line === "Options:") usage = "options";
    else if (usage === "options" && line.trim() === "") usage = "no";
    else if (usage === "no" && line.trim() !== "") kept.push(line);
  }
  return kept
    .slice(-TAIL_LINES)
    .map((line) => `  ${line}`)
    .join("\n");
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
