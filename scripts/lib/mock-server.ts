import { randomUUID } from "node:crypto";
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { rewritePagingHeaders } from "./paging-headers.js";
import { PROBE_PATH, PROXY_HEADER, type StartedPrism, startPrismBehind, stopPrism } from "./prism-process.js";
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

/** Headers that describe one connection, not the message: the proxy has two connections. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"];
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
