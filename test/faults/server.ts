// A fault-injection HTTP server for tests: node:http on 127.0.0.1, a free port, bounded bodies, and it closes
// itself after `lifetimeMs` even if a test forgets to. The base URL picks the fault and a run id:
// `${origin}/<fault>/<run>/…anything` (the rest of the path is the client's own), so any client, generated
// or not, can be pointed at a fault by its baseUrl alone. Requests are counted per run.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAULTS = [
  "ok",
  "reset-before-headers",
  "reset-after-headers",
  "stall-after-headers",
  "trickle",
  "burst-5xx",
  "429-retry-after-seconds",
  "429-retry-after-date",
  "429-ratelimit-reset",
  "429-bare",
  "invalid-json",
  "invalid-json-chunked",
  "wrong-type",
  "html",
  "empty",
  "truncated",
  "huge",
  "redirect-other-origin",
  "redirect-data",
  "redirect-file",
  "header-echo",
  "landing",
] as const;
export type Fault = (typeof FAULTS)[number];

/** The JSON every successful fault answers with (after its misbehaviour, where it recovers). */
export const OK_BODY = { id: 1, name: "ok", actions: ["read"] };
const HUGE_BYTES = 3 * 1024 * 1024;

export interface FaultServer {
  origin: string;
  /** The second listener's origin (another port): where cross-origin redirects land. */
  otherOrigin: string;
  /** A fresh base URL for a fault: its own run id, so attempts are counted per test row. */
  baseUrl(fault: Fault, basePath?: string): string;
  /** Requests seen for the run of a base URL. */
  requestsOf(baseUrl: string): SeenRequest[];
  close(): Promise<void>;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export async function startFaultServer(lifetimeMs = 60_000): Promise<FaultServer> {
  const seen = new Map<string, SeenRequest[]>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let runs = 0;
  let otherPort = 0;
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const [, fault, run, ...rest] = (req.url ?? "/").split("?")[0]?.split("/") ?? [];
    const key = `${fault}/${run}`;
    const list = seen.get(key) ?? [];
    list.push({ method: req.method ?? "", path: `/${rest.join("/")}`, headers: req.headers });
    seen.set(key, list);
    req.resume();
    req.on("end", () => answer(fault as Fault, list.length, req, res));
  };
  // Two listeners with one handler: a different port is a different origin (for cross-origin redirects).
  const server = createServer(handler);
  const other = createServer(handler);

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }

  function answer(fault: Fault, attempt: number, req: IncomingMessage, res: ServerResponse) {
    const rid = { "x-request-id": `rq-${fault}-${attempt}` };
    switch (fault) {
      case "ok":
      case "landing":
        return json(
          res,
          200,
          {
            ...OK_BODY,
            sawAuthorization: req.headers.authorization !== undefined || req.headers["private-token"] !== undefined,
          },
          rid,
        );
      case "reset-before-headers":
        return req.socket.destroy();
      case "reset-after-headers":
        // Chunked, a first piece, then the connection is cut (RST).
        res.writeHead(200, { "content-type": "application/json", ...rid });
        res.write('{"id":1,"na');
        return later(20, () => res.socket?.resetAndDestroy());
      case "stall-after-headers":
        res.writeHead(200, { "content-type": "application/json", ...rid });
        res.write('{"id":');
        return; // never ends; closed with the server
      case "trickle": {
        const text = JSON.stringify(OK_BODY);
        res.writeHead(200, { "content-type": "application/json", "content-length": text.length, ...rid });
        let i = 0;
        const next = () => {
          if (res.destroyed) return;
          res.write(text[i++] ?? "");
          if (i >= text.length) return res.end();
          later(100, next);
        };
        return next();
      }
      case "burst-5xx":
        return attempt <= 2 ? json(res, 503, { message: "busy" }, rid) : json(res, 200, OK_BODY, rid);
      case "429-retry-after-seconds":
        return attempt === 1
          ? json(res, 429, { message: "slow down" }, { ...rid, "retry-after": "1" })
          : json(res, 200, OK_BODY, rid);
      case "429-retry-after-date":
        return attempt === 1
          ? json(
              res,
              429,
              { message: "slow down" },
              { ...rid, "retry-after": new Date(Date.now() + 1_000).toUTCString() },
            )
          : json(res, 200, OK_BODY, rid);
      case "429-ratelimit-reset":
        return attempt === 1
          ? json(
              res,
              429,
              { message: "slow down" },
              { ...rid, "ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 1) },
            )
          : json(res, 200, OK_BODY, rid);
      case "429-bare":
        return attempt === 1 ? json(res, 429, { message: "slow down" }, rid) : json(res, 200, OK_BODY, rid);
      case "invalid-json": {
        const text = '{"access_token":"leaked-TOKEN-in-body",';
        res.writeHead(200, { "content-type": "application/json", "content-length": text.length, ...rid });
        return res.end(text);
      }
      case "invalid-json-chunked":
        // No Content-Length: openapi-fetch then parses the text itself (see the matrix rows).
        res.writeHead(200, { "content-type": "application/json", ...rid });
        return res.end('{"access_token":"leaked-TOKEN-in-body",');
      case "wrong-type":
        return json(res, 200, null, rid);
      case "html": {
        const text = "<html><body>Sign in</body></html>";
        res.writeHead(200, { "content-type": "text/html", "content-length": text.length, ...rid });
        return res.end(text);
      }
      case "empty":
        res.writeHead(200, { "content-type": "application/json", ...rid });
        return res.end();
      case "truncated":
        // Content-Length promises 200 bytes; 10 arrive, then a clean close (FIN).
        res.writeHead(200, { "content-type": "application/json", "content-length": 200, ...rid });
        res.write('{"id":1,"n');
        return later(20, () => res.socket?.end());
      case "huge": {
        res.writeHead(200, { "content-type": "application/json", "content-length": HUGE_BYTES + 2, ...rid });
        res.write('"');
        const chunk = Buffer.alloc(64 * 1024, "x");
        let sent = 0;
        const pump = () => {
          while (sent < HUGE_BYTES) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", pump);
          }
          res.end('"');
        };
        res.on("close", () => {
          sent = HUGE_BYTES;
        });
        return pump();
      }
      case "redirect-other-origin":
        res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/landing/${attempt}/x` });
        return res.end();
      case "redirect-data":
        res.writeHead(302, { location: "data:application/json,%7B%22id%22%3A1%7D" });
        return res.end();
      case "redirect-file":
        res.writeHead(302, { location: "file:///etc/passwd" });
        return res.end();
      case "header-echo":
        return json(res, 500, { message: "upstream failed", received: req.headers }, rid);
      default:
        return json(res, 404, { message: `no fault ${fault}` });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherPort = (other.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(selfStop);
      for (const timer of timers) clearTimeout(timer);
      for (const s of [server, other]) s.closeAllConnections();
      let open = 2;
      for (const s of [server, other]) s.close(() => --open === 0 && resolve());
    });
    return closed;
  };
  // Bounded: whatever happens, the server goes away on its own.
  const selfStop = setTimeout(close, lifetimeMs);
  selfStop.unref();

  return {
    origin,
    otherOrigin: `http://127.0.0.1:${otherPort}`,
    baseUrl: (fault, basePath = "") => `${origin}/${fault}/run${++runs}${basePath}`,
    requestsOf(baseUrl) {
      const [, fault, run] = new URL(baseUrl).pathname.split("/");
      return seen.get(`${fault}/${run}`) ?? [];
    },
    close,
  };
}
