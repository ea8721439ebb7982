// 429s and the vendor's retry policy: Retry-After (seconds or date), GitLab's RateLimit-Reset, and a policy
// that forbids blind retries (DataGalaxy).
import {
  apiErrorFor,
  createFetchWrapper,
  type FetchWrapperConfig,
  RateLimitError,
  rateLimitResetMs,
  retryAfterMs,
  retryDelayFor,
  serverDelayMs,
} from "@dataclients/core";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://api.example.com";

function setup(first: () => Response, config: Partial<FetchWrapperConfig> = {}) {
  const sleeps: number[] = [];
  let calls = 0;
  const w = createFetchWrapper({
    origin: ORIGIN,
    timeout: 1_000,
    maxRetries: 2,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    fetch: (async () => (calls++ === 0 ? first() : new Response("ok"))) as typeof fetch,
    ...config,
  });
  return { w, sleeps, calls: () => calls };
}

const limited = (headers: Record<string, string>) => () => new Response("slow down", { status: 429, headers });

describe("RateLimit-Reset", () => {
  it("waits until GitLab's reset (epoch seconds) when there is no Retry-After", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 5;
    const { w, sleeps } = setup(limited({ "ratelimit-reset": String(reset) }));
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(3_000);
    expect(sleeps[0]).toBeLessThanOrEqual(6_000);
  });

  it("reads a small RateLimit-Reset as delta seconds (IETF draft)", () => {
    expect(rateLimitResetMs(new Headers({ "ratelimit-reset": "12" }))).toBe(12_000);
    expect(rateLimitResetMs(new Headers({ "ratelimit-reset": "soon" }))).toBeUndefined();
    expect(rateLimitResetMs(new Headers({ "ratelimit-reset": "1000000000" }), 1_000_000_000_000 + 500)).toBe(0);
  });

  it("prefers Retry-After over RateLimit-Reset, and surfaces a reset beyond the cap", async () => {
    const far = Math.ceil(Date.now() / 1000) + 3600;
    const both = setup(limited({ "retry-after": "2", "ratelimit-reset": String(far) }));
    await both.w.fetch(`${ORIGIN}/x`);
    expect(both.sleeps).toEqual([2_000]);

    const beyond = setup(limited({ "ratelimit-reset": String(far) }));
    expect((await beyond.w.fetch(`${ORIGIN}/x`)).status).toBe(429);
    expect(beyond.sleeps).toEqual([]);
  });
});

describe("retryPolicy", () => {
  it("retryOn429WithoutRetryAfter: false surfaces a bare 429 at once (DataGalaxy)", async () => {
    const { w, sleeps, calls } = setup(limited({}), { retryPolicy: { retryOn429WithoutRetryAfter: false } });
    const response = await w.fetch(`${ORIGIN}/x`);
    expect(response.status).toBe(429);
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("…but still honours a 429 that says when to come back, and still retries 5xx", async () => {
    const said = setup(limited({ "retry-after": "1" }), { retryPolicy: { retryOn429WithoutRetryAfter: false } });
    expect((await said.w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(said.sleeps).toEqual([1_000]);
    const busy = setup(() => new Response(null, { status: 503 }), {
      retryPolicy: { retryOn429WithoutRetryAfter: false },
    });
    expect((await busy.w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(busy.sleeps).toEqual([500]);
  });

  it("without a policy a bare 429 gets the usual backoff", async () => {
    const { w, sleeps } = setup(limited({}));
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(sleeps).toEqual([500]);
  });

  it("maxRetryAfterMs moves the cap", async () => {
    const { w, sleeps } = setup(limited({ "retry-after": "90" }), { retryPolicy: { maxRetryAfterMs: 120_000 } });
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(sleeps).toEqual([90_000]);
  });

  it("delay(status, headers, attempt) decides: a number waits, false stops, undefined falls back", async () => {
    const seen: Array<[number, number]> = [];
    const fixed = setup(() => new Response(null, { status: 503 }), {
      retryPolicy: {
        delay: (status, _headers, attempt) => {
          seen.push([status, attempt]);
          return 42;
        },
      },
    });
    await fixed.w.fetch(`${ORIGIN}/x`);
    expect(fixed.sleeps).toEqual([42]);
    expect(seen).toEqual([[503, 0]]);

    const never = setup(() => new Response(null, { status: 503 }), { retryPolicy: { delay: () => false } });
    expect((await never.w.fetch(`${ORIGIN}/x`)).status).toBe(503);
    expect(never.calls()).toBe(1);

    expect(retryDelayFor(503, new Headers(), 1, { delay: () => undefined }, () => 0)).toBe(1_000);
  });
});

describe("Retry-After parsing", () => {
  it("takes seconds, an HTTP date, and ignores garbage", () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(retryAfterMs(new Headers({ "retry-after": "3" }), now)).toBe(3_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }), now)).toBe(10_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 31 Dec 2025 00:00:00 GMT" }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ "retry-after": "-5" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(serverDelayMs(new Headers({ "ratelimit-reset": String(now / 1000 + 7) }), now)).toBe(7_000);
  });
});

describe("RateLimitError.retryAfter", () => {
  const base = { status: 429, body: undefined, method: "GET", url: `${ORIGIN}/x` };

  it("is set for an HTTP-date Retry-After (seconds from when the error was built)", () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = apiErrorFor({ ...base, headers: new Headers({ "retry-after": at }) }) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBeGreaterThanOrEqual(28);
    expect(error.retryAfter).toBeLessThanOrEqual(30);
  });

  it("falls back to RateLimit-Reset, and stays undefined when nothing is said", () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 20);
    const error = apiErrorFor({ ...base, headers: new Headers({ "ratelimit-reset": reset }) }) as RateLimitError;
    expect(error.retryAfter).toBeGreaterThanOrEqual(19);
    expect(error.retryAfter).toBeLessThanOrEqual(21);
    expect((apiErrorFor({ ...base, headers: new Headers() }) as RateLimitError).retryAfter).toBeUndefined();
  });
});
