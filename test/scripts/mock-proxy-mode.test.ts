// `pnpm mock <vendor> --proxy <upstream>`: Prism's proxy mode in front of a stand-in for the real service (a
// node:http server on 127.0.0.1) whose answer breaks the spec. Without --errors the real answer must reach
// the client unchanged and the violation must be reported.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockExchange, type RunningMock, startMock } from "../../scripts/lib/mock-server.js";
import { parseViolations, violationLine } from "../../scripts/lib/violations.js";
import { fixtureVendor } from "./fixtures/registry.js";

const received: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders }> = [];
let upstream: Server;
let upstreamOrigin: string;
let proxy: RunningMock;
const exchanges: MockExchange[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    received.push({ method: req.method, url: req.url, headers: req.headers });
    // The spec says { id: string, rows: integer }, both required: this breaks it twice.
    const body = JSON.stringify({ id: 5 });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  proxy = await startMock(fixtureVendor("files"), {
    upstream: upstreamOrigin,
    onExchange: (exchange) => exchanges.push(exchange),
  });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

describe("startMock with upstream (Prism proxy mode)", () => {
  it("adds the base path to an upstream given as a bare origin", () => {
    expect(proxy.upstream).toBe(`${upstreamOrigin}/public/v1`);
    expect(proxy.url).toBe(`${proxy.origin}/public/v1`);
  });

  it("passes the real answer through (no 500) and reports each violation of the spec", async () => {
    exchanges.length = 0;
    const res = await fetch(`${proxy.url}/tables/t1`, { headers: { authorization: "Bearer real-token" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 5 });
    expect(received.at(-1)).toMatchObject({ method: "GET", url: "/public/v1/tables/t1" });
    expect(received.at(-1)?.headers.authorization).toBe("Bearer real-token");

    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges as [MockExchange];
    expect(exchange).toMatchObject({ method: "GET", path: "/tables/t1", status: 200 });
    const messages = exchange.violations.map((v) => `${v.location.join(".")}: ${v.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^response\.body(\.id)?: .*string/),
        expect.stringMatching(/^response\.body: .*rows/),
      ]),
    );
    const line = violationLine(exchange.method, exchange.path, exchange.status, exchange.violations);
    expect(line).toMatch(/^GET \/tables\/t1 200 — 2 violations: \[response\.body/);
  });

  it("sends no paging rewrite and no api-error: Prefer reaches the real service", async () => {
    const res = await fetch(`${proxy.url}/tables/t1?page=2`, {
      headers: { authorization: "Bearer x", prefer: "api-error=Boom" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.has("api-error")).toBe(false);
    expect(received.at(-1)?.headers.prefer).toBe("api-error=Boom");
  });

  it("re-encodes a comma in a query value on the way upstream (documented in pnpm mock --help)", async () => {
    await fetch(`${proxy.url}/tables/t1?groups=a,b`, { headers: { authorization: "Bearer x" } });
    expect(received.at(-1)?.url).toBe("/public/v1/tables/t1?groups=a%2Cb");
  });
});

describe("parseViolations", () => {
  it("reads Prism's JSON list and keeps an unparseable (truncated) header as one message", () => {
    expect(
      parseViolations('[{"location":["response","body"],"severity":"Error","code":"required","message":"m"}]'),
    ).toEqual([{ location: ["response", "body"], severity: "Error", message: "m" }]);
    expect(parseViolations(undefined)).toEqual([]);
    expect(parseViolations('Too many violations! [{"location":')).toEqual([
      { location: [], severity: "Error", message: 'Too many violations! [{"location":' },
    ]);
  });

  it("formats one line per request, also without violations", () => {
    expect(violationLine("GET", "/x", 200, [])).toBe("GET /x 200 — no violations");
  });
});
