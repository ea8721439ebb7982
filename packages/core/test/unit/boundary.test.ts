// Input validation for JavaScript callers, and messages that stay true and short.
import {
  apiErrorFor,
  ConnectionError,
  createApiClient,
  createFetchWrapper,
  describeValue,
  TimeoutError,
} from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { configError } from "../../../../test/support/catch-error.js";
import { startServer } from "./support/recording-fetch.js";

const meta = { name: "Vendor", defaultBaseUrl: "https://api.vendor.example" };

describe("client options from JavaScript", () => {
  it.each([null, undefined, "https://x", 42, []])("createApiClient(%j) is a ConfigurationError", (options) => {
    const error = configError(() => createApiClient(options as never, meta));
    expect(error.message).toMatch(/^Vendor: options must be an object; got /);
  });

  it.each([
    [{ logger: "x" }, /`logger` must be an object with debug\/info\/warn\/error functions.*got "x"/],
    [{ logger: {} }, /`logger` must be .*it has none of them/],
    [{ logger: { warn: "loud" } }, /`logger.warn` must be a function; got "loud"/],
    [{ maxResponseBytes: -1 }, /`maxResponseBytes` must be a whole number of bytes \(0 for no limit\); got -1/],
    [{ maxResponseBytes: Number.NaN }, /`maxResponseBytes`.*got NaN/],
    [{ retryPolicy: "never" }, /`retryPolicy` must be an object; got "never"/],
    [
      { retryPolicy: { retryOn429WithoutRetryAfter: "no" } },
      /`retryPolicy.retryOn429WithoutRetryAfter` must be a boolean/,
    ],
    [{ retryPolicy: { delay: 5 } }, /`retryPolicy.delay` must be a function/],
    [{ timeout: Number.NaN }, /`timeout` must be a positive number of milliseconds; got NaN/],
    [{ timeout: "5" }, /`timeout`.*got "5"/],
    [{ maxRetries: Number.POSITIVE_INFINITY }, /`maxRetries`.*got Infinity/],
  ])("rejects %j", (options, message) => {
    expect(configError(() => createApiClient(options as never, meta)).message).toMatch(message);
  });

  it("accepts console as a logger, 0 as no limit, and a retry policy", () => {
    expect(
      createApiClient(
        { logger: console, maxResponseBytes: 0, retryPolicy: { retryOn429WithoutRetryAfter: false } },
        meta,
      ).baseUrl,
    ).toBe("https://api.vendor.example");
  });
});

describe("describeValue", () => {
  it.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [-0, "-0"],
    [undefined, "undefined"],
    [null, "null"],
    ["abc", '"abc"'],
    [10n, "10n"],
    [() => 1, "a function"],
    [[1, 2], "an array of 2"],
    [{ a: 1 }, "an object"],
    [new Date(Number.NaN), "an invalid Date"],
    [Symbol("s"), "a symbol"],
  ])("describes %s as %s", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("keeps a long string short", () => {
    expect(describeValue("x".repeat(10_000)).length).toBeLessThanOrEqual(80);
  });
});

describe("messages", () => {
  it("a 100 kB URL makes a short message, while err.url keeps it whole (redacted)", () => {
    const url = `https://api.example.com/items/${"9".repeat(100_000)}?private_token=pt-secret`;
    const error = apiErrorFor({ status: 404, body: { message: "not found" }, method: "GET", url });
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain("…");
    expect(error.url.length).toBeGreaterThan(100_000);
    expect(error.url).not.toContain("pt-secret");
    expect(new TimeoutError(5, "GET", url).message.length).toBeLessThan(300);
  });

  it("a reset after connecting does not say 'could not connect'; a refused connection names its code", async () => {
    const reset = createFetchWrapper({
      origin: "https://api.example.com",
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      }) as typeof fetch,
    });
    const error = (await reset.fetch("https://api.example.com/x").catch((e: unknown) => e)) as ConnectionError;
    expect(error.message).toBe(
      "GET https://api.example.com/x failed: the connection was closed or reset before a response arrived (ECONNRESET)",
    );

    const server = await startServer(() => {});
    const origin = server.origin;
    await server.close();
    const refused = createFetchWrapper({ origin, timeout: 2_000, maxRetries: 0 });
    const down = (await refused.fetch(`${origin}/x`).catch((e: unknown) => e)) as ConnectionError;
    expect(down).toBeInstanceOf(ConnectionError);
    expect(down.message).toBe(`GET ${origin}/x failed: could not connect (ECONNREFUSED)`);
  });

  it.each([
    ["data:text/plain,hello", "data:"],
    ["file:///etc/passwd", "file:"],
    ["javascript:alert(1)", "javascript:"],
  ])("a redirect to %s is refused with a ConnectionError and not followed", async (location, scheme) => {
    let calls = 0;
    const w = createFetchWrapper({
      origin: "https://api.example.com",
      timeout: 1_000,
      maxRetries: 2,
      fetch: (async () => {
        calls++;
        return new Response(null, { status: 302, headers: { location } });
      }) as typeof fetch,
    });
    const error = await w.fetch("https://api.example.com/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      `GET https://api.example.com/x was redirected to a ${scheme} URL; only http(s) redirects are followed`,
    );
    expect(calls).toBe(1);
  });
});
