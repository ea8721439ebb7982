// The guard's two ways of reading a buffered body: the platform's own reader when the length is declared,
// uncompressed and within the cap (the fast path, most answers), and the counted chunk loop otherwise. Both must
// give the same values and the same typed faults, over a real socket and through an injected fetch that does not
// abort the body it gave.
import { gzipSync } from "node:zlib";
import { bearer } from "@dataclients/auth";
import { ConnectionError, createFetchWrapper, ResponseTooLargeError, readBody, TimeoutError } from "@dataclients/core";
import { afterEach, describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { startServer, type TestServer } from "./support/recording-fetch.js";
import { pacedBody } from "./support/streams.js";

const BODY = JSON.stringify({ id: 21816, name: "ação", items: [1, 2, 3] });
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function wrapper(origin: string, extra: { maxResponseBytes?: number; timeout?: number; fetch?: typeof fetch } = {}) {
  return createFetchWrapper({
    origin,
    timeout: extra.timeout ?? 2_000,
    maxRetries: 0,
    maxResponseBytes: extra.maxResponseBytes,
    auth: bearer("tok-SECRET-abcdef"),
    fetch: extra.fetch,
  });
}

describe("buffered reads over a socket", () => {
  it("reads a declared-length body as json, text, bytes, arrayBuffer and blob, and the same without a length", async () => {
    server = await startServer((request, response) => {
      if (request.url === "/chunked") response.setHeader("transfer-encoding", "chunked");
      else response.setHeader("content-length", Buffer.byteLength(BODY));
      response.setHeader("content-type", "application/json");
      response.end(BODY);
    });
    const w = wrapper(server.origin);
    for (const path of ["/declared", "/chunked"]) {
      const url = `${server.origin}${path}`;
      expect(await (await w.fetch(url)).json()).toEqual({ id: 21816, name: "ação", items: [1, 2, 3] });
      expect(await (await w.fetch(url)).text()).toBe(BODY);
      expect(new TextDecoder().decode(await readBody(await w.fetch(url), "bytes"))).toBe(BODY);
      expect((await (await w.fetch(url)).arrayBuffer()).byteLength).toBe(Buffer.byteLength(BODY));
      expect(await (await w.fetch(url)).blob().then((b) => b.text())).toBe(BODY);
      expect(await readBody(await w.fetch(url), "json")).toEqual({ id: 21816, name: "ação", items: [1, 2, 3] });
    }
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(12).fill("Bearer tok-SECRET-abcdef"));
  });

  it("refuses a body declared larger than the cap before reading it", async () => {
    // It sends 10 of the 5,000 bytes it declares and stalls: only a refusal from the declared length is quick.
    server = await startServer((_request, response) => {
      response.setHeader("content-length", 5_000);
      response.write("x".repeat(10));
    });
    // A client that read on would wait for the stalled rest: past this test's timeout, or a TimeoutError.
    const w = wrapper(server.origin, { maxResponseBytes: 1_000, timeout: 30_000 });
    const error = await rejection((await w.fetch(`${server.origin}/big`)).text());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe(
      `GET ${server.origin}/big returned 200 with a body larger than 1000 bytes (\`maxResponseBytes\`); raise the limit (0 for none) or read it as a stream`,
    );
    // readBody's own cap applies the same way.
    const lower = await rejection(
      readBody(await wrapper(server.origin).fetch(`${server.origin}/big`), "text", { maxBytes: 10 }),
    );
    expect(lower).toBeInstanceOf(ResponseTooLargeError);
    expect((lower as ResponseTooLargeError).limitBytes).toBe(10);
  }, 10_000);

  it("counts a compressed body as it expands: a small gzip that inflates past the cap fails", async () => {
    const inflated = "a".repeat(200_000);
    server = await startServer((_request, response) => {
      const zipped = gzipSync(inflated);
      response.setHeader("content-encoding", "gzip");
      response.setHeader("content-length", zipped.byteLength);
      response.end(zipped);
    });
    expect(await (await wrapper(server.origin).fetch(`${server.origin}/z`)).text()).toBe(inflated);
    const w = wrapper(server.origin, { maxResponseBytes: 50_000 });
    const error = await rejection((await w.fetch(`${server.origin}/z`)).text());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limitBytes).toBe(50_000);
  });

  it("a declared body that stalls is a body TimeoutError; one cut short is a ConnectionError with the status", async () => {
    server = await startServer((request, response) => {
      response.setHeader("content-length", 100);
      response.setHeader("x-request-id", "rq-9");
      response.write("x".repeat(10));
      if (request.url === "/cut") setTimeout(() => response.destroy(), 20);
    });
    const w = wrapper(server.origin, { timeout: 300 });
    const stalled = await rejection((await w.fetch(`${server.origin}/stall`)).text());
    expect(stalled).toBeInstanceOf(TimeoutError);
    expect(stalled).toMatchObject({ phase: "body", status: 200, requestId: "rq-9" });
    const cut = await rejection((await w.fetch(`${server.origin}/cut`)).json());
    expect(cut).toBeInstanceOf(ConnectionError);
    expect(cut).toMatchObject({ status: 200, requestId: "rq-9" });
    expect(cut.message).toContain(`GET ${server.origin}/cut answered 200, but the connection failed while reading`);
  }, 10_000);
});

describe("buffered reads through an injected fetch that ignores the signal", () => {
  it("a declared body that never ends still times out (the platform read is raced against the guard)", async () => {
    const fetch = (async () =>
      new Response(pacedBody(["{"], 10, "stall"), {
        headers: { "content-type": "application/json", "content-length": "50" },
      })) as typeof globalThis.fetch;
    const w = wrapper("https://api.example.com", { timeout: 200, fetch });
    const error = await rejection((await w.fetch("https://api.example.com/a")).json(), TimeoutError);
    expect(error.phase).toBe("body");
  }, 10_000);
});

describe("credentials go only to the configured origin", () => {
  it("compares whole origins: a longer host or another port is another origin", async () => {
    const seen: Array<[string, string | null]> = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push([String(input), new Headers(init?.headers).get("authorization")]);
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    const w = wrapper("https://api.example.com", { fetch });
    for (const url of [
      "https://api.example.com",
      "https://api.example.com/a",
      "https://api.example.com?q=1",
      "https://API.example.com:443/b",
      "https://api.example.com.evil.org/a",
      "https://api.example.com:8443/a",
      "http://api.example.com/a",
    ]) {
      await w.fetch(url);
    }
    expect(seen).toEqual([
      ["https://api.example.com/", "Bearer tok-SECRET-abcdef"],
      ["https://api.example.com/a", "Bearer tok-SECRET-abcdef"],
      ["https://api.example.com/?q=1", "Bearer tok-SECRET-abcdef"],
      ["https://api.example.com/b", "Bearer tok-SECRET-abcdef"],
      ["https://api.example.com.evil.org/a", null],
      ["https://api.example.com:8443/a", null],
      ["http://api.example.com/a", null],
    ]);
  });
});
