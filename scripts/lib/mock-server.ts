// One vendor's mock: Prism on an internal port, and in front of it a small reverse proxy on the public port.
// The proxy exists because Prism ignores the base path of `servers` (it would answer /api/v4/projects with 404)
// and because Prism is stateless (paging headers are fixed per response); see paging-headers.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  Agent,
  createServer,
  get,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import { createRequire } from "node:module";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { dirname, isAbsolute, join, relative } from "node:path";
import { createInterface } from "node:readline";
import { rewritePagingHeaders } from "./paging-headers.js";
import type { Vendor } from "./registry.js";

export interface MockOptions {
  /** Public port; 0 or undefined = a free port. */
  port?: number;
  /** Interface the proxy listens on; default 127.0.0.1. */
  host?: string;
  /** Receives every line Prism prints (its request log and validation messages). */
  log?: (line: string) => void;
  /** Told of every request Prism answered (path without the base path), e.g. to measure operation coverage. */
  onExchange?: (exchange: MockExchange) => void;
}

export interface MockExchange {
  method: string;
  /** The path as the spec writes it (base path removed), without the query. */
  path: string;
  status: number;
}

export interface RunningMock {
  vendor: Vendor;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + vendor.basePath: what a client uses as baseUrl. */
  url: string;
  port: number;
  /** Prism's pid; it leads its own process group. */
  pid: number;
  /** Resolves with Prism's exit code (null when killed by a signal) when it dies, for whatever reason. */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 3_000;
const TAIL_LINES = 20;
const INTERNAL_PORT_ATTEMPTS = 3;
/** Marks responses the proxy writes itself, so the readiness probe can tell them from Prism's. */
const PROXY_HEADER = "x-mock-proxy";
/** A path no spec defines: Prism answers it with a 404 of its own, which proves it is up. */
const PROBE_PATH = "/__mock_ready__";
/** Headers that describe one connection, not the message: the proxy has two connections. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"];

// Prism runs detached (its own process group, so we can kill it whole). A detached child outlives a parent that
// is SIGKILLed, so it gets this preload: it exits when its stdin pipe from us closes, which happens when we die.
const WATCHDOG = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end", () => process.exit(0)).on("error", () => process.exit(0)).resume();',
)}`;

const livePrisms = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startMock(vendor: Vendor, options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const agent = new Agent({ keepAlive: true });
  const upstream = { port: 0 };
  const proxy = createServer((req, res) =>
    forward(req, res, { vendor, upstream, agent, origin: () => origin, onExchange: options.onExchange }),
  );
  const port = await listen(proxy, options.port ?? 0, host);
  const origin = `http://${originHost(host)}:${port}`;

  let prism: StartedPrism | undefined;
  try {
    prism = await startPrismBehind(vendor, upstream, origin, options.log);
  } catch (error) {
    agent.destroy();
    await closeServer(proxy);
    throw error;
  }

  const { child, exited } = prism;
  let closing: Promise<void> | undefined;
  return {
    vendor,
    origin,
    url: origin + vendor.basePath,
    port,
    pid: child.pid as number,
    exited,
    close() {
      closing ??= (async () => {
        await stopPrism(child, exited);
        agent.destroy();
        await closeServer(proxy);
      })();
      return closing;
    },
  };
}

/** The path Prism knows for a request under the base path, or undefined for a request outside it. */
export function stripBasePath(requestPath: string, basePath: string): string | undefined {
  if (basePath === "") return requestPath;
  const queryAt = requestPath.search(/[?#]/);
  const path = queryAt < 0 ? requestPath : requestPath.slice(0, queryAt);
  const query = queryAt < 0 ? "" : requestPath.slice(queryAt);
  if (path === basePath || path === `${basePath}/`) return `/${query}`;
  if (path.startsWith(`${basePath}/`)) return path.slice(basePath.length) + query;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The proxy

interface ProxyContext {
  vendor: Vendor;
  upstream: { port: number };
  agent: Agent;
  origin: () => string;
  onExchange?: (exchange: MockExchange) => void;
}

function forward(req: IncomingMessage, res: ServerResponse, ctx: ProxyContext): void {
  const requestPath = req.url ?? "/";
  const target = stripBasePath(requestPath, ctx.vendor.basePath);
  if (target === undefined) {
    const base = ctx.vendor.basePath;
    const suggestion = `${ctx.origin()}${base}${requestPath.startsWith("/") ? "" : "/"}${requestPath}`;
    sendProblem(res, 404, "outside-base-path", {
      title: "Not under the mock's base path",
      detail: `The ${ctx.vendor.displayName} mock serves every path under the base path ${base} (use ${ctx.origin()}${base} as baseUrl): request ${suggestion}`,
    });
    return;
  }

  const upstreamReq = request(
    {
      host: "127.0.0.1",
      port: ctx.upstream.port,
      method: req.method,
      path: target,
      headers: withoutHopByHop(req.headers),
      agent: ctx.agent,
    },
    (upstreamRes) => {
      const headers = responseHeaders(clientUrl(requestPath, req.headers.host, ctx.origin()), upstreamRes.headers);
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers);
      if (target !== PROBE_PATH) {
        ctx.onExchange?.({
          method: req.method ?? "GET",
          path: target.split("?")[0] ?? target,
          status: upstreamRes.statusCode ?? 502,
        });
      }
      upstreamRes.pipe(res);
    },
  );
  upstreamReq.on("error", (error) => {
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    sendProblem(res, 502, "prism-unavailable", {
      title: "Prism is not answering",
      detail: `The ${ctx.vendor.displayName} mock's Prism process did not answer (${error.message}); is it still starting, or did it exit?`,
    });
  });
  // A client that goes away must not leave the upstream request hanging.
  res.on("close", () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  req.pipe(upstreamReq);
}

// The URL as the client sent it (its Host, the base path, the query), so paging links work from the client.
function clientUrl(requestPath: string, host: string | undefined, origin: string): URL {
  try {
    if (host) return new URL(requestPath, `http://${host}`);
  } catch {
    // A Host header that is not a valid authority: fall back to the address we listen on.
  }
  return new URL(requestPath, origin);
}

function responseHeaders(clientUrl: URL, upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers = rewritePagingHeaders(clientUrl, withoutHopByHop(upstream)) as OutgoingHttpHeaders;
  headers["x-request-id"] ??= randomUUID();
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

function sendProblem(res: ServerResponse, status: number, reason: string, body: { title: string; detail: string }) {
  const payload = JSON.stringify({ type: "about:blank", status, ...body });
  res.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(payload),
    "x-request-id": randomUUID(),
    [PROXY_HEADER]: reason,
  });
  res.end(payload);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${port} is already in use: stop whatever is using it (maybe another \`pnpm mock\`) or pass a different port`,
            )
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive clients would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}

function originHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

// ---------------------------------------------------------------------------------------------------------------
// Prism

interface StartedPrism {
  child: ChildProcess;
  exited: Promise<number | null>;
}

async function startPrismBehind(
  vendor: Vendor,
  upstream: { port: number },
  origin: string,
  log: ((line: string) => void) | undefined,
): Promise<StartedPrism> {
  for (let attempt = 1; ; attempt++) {
    // Another process may grab the free port before Prism binds it; Prism then exits with EADDRINUSE: retry.
    upstream.port = await freePort();
    const output: string[] = [];
    const prism = spawnPrism(vendor, upstream.port, (line) => {
      output.push(line);
      if (output.length > 200) output.shift();
      if (!line.includes(PROBE_PATH)) log?.(line);
    });
    const outcome = await waitUntilReady(`${origin}${vendor.basePath}${PROBE_PATH}`, prism.exited);
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

function spawnPrism(vendor: Vendor, port: number, onLine: (line: string) => void): StartedPrism {
  // --no-multiprocess: Prism otherwise forks a cluster worker whenever NODE_ENV=production.
  const args = ["mock", "--errors", "--no-multiprocess", "-h", "127.0.0.1", "-p", String(port), vendor.specPath];
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
  probeUrl: string,
  exited: Promise<number | null>,
): Promise<"ready" | "exited" | "timeout"> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answered = await Promise.race([probe(probeUrl), exited.then(() => false)]);
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

async function stopPrism(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
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
    if (/^prism mock </.test(line)) usage = "yes";
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
