// The loopback server of `pnpm bench`, run in a child process so its work never shares the measuring process's
// event loop. Keep-alive HTTP on 127.0.0.1 (a free port); it answers a GET of any path in BENCH_PATHS (a JSON
// list) with one fixed small JSON object (BENCH_BODY), and 404 for anything else, so a case that builds the wrong URL fails
// its check instead of being timed. The parent reads the port from the first stdout line.
import { createServer } from "node:http";

const paths = new Set(JSON.parse(process.env.BENCH_PATHS ?? "[]"));
const body = Buffer.from(process.env.BENCH_BODY ?? "{}");
const okHeaders = { "content-type": "application/json", "content-length": String(body.length) };
const missing = Buffer.from(JSON.stringify({ message: "404 Not Found" }));
const missingHeaders = { "content-type": "application/json", "content-length": String(missing.length) };

const server = createServer({ keepAlive: true }, (request, response) => {
  // Drain any request body so the connection stays reusable.
  request.resume();
  const path = (request.url ?? "").split("?")[0];
  if (request.method === "GET" && paths.has(path)) {
    response.writeHead(200, okHeaders).end(body);
  } else {
    response.writeHead(404, missingHeaders).end(missing);
  }
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.maxRequestsPerSocket = 0;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});
// The parent going away (crash, SIGKILL) closes this pipe: leave with it, never orphaned.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
