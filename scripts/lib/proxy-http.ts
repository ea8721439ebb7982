// node:http plumbing the mock proxy needs: listening, closing, problem answers, buffering a body.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Marks responses the proxy writes itself, so the readiness probe can tell them from Prism's. */
export const PROXY_HEADER = "x-mock-proxy";

/** Headers that describe one connection, not the message: the proxy has two connections. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"];

export function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  reason: string,
  body: { title: string; detail: string },
): void {
  const payload = JSON.stringify({ type: "about:blank", status, ...body });
  res.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(payload),
    "x-request-id": randomUUID(),
    [PROXY_HEADER]: reason,
  });
  res.end(payload);
}

/** The whole body, or an error once it passes `limit` bytes. */
export function readBody(stream: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        reject(new Error(`body larger than ${limit} bytes`));
      } else chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** The parsed JSON, or undefined for an empty or malformed body (the proxy then passes it on untouched). */
export function parseJson(raw: Buffer): unknown {
  try {
    return raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

export function isJson(contentType: string | string[] | number | undefined): boolean {
  return typeof contentType === "string" && /^application\/([\w.-]+\+)?json\b/i.test(contentType.trim());
}

export function listen(server: Server, port: number, host: string): Promise<number> {
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

export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive clients would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}

/** The host part of an origin for a listening address (a wildcard address is reached through loopback). */
export function originHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
