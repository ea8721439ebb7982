import {
  AbortError,
  type AuthStrategy,
  ConnectionError,
  createFetchWrapper,
  type FetchWrapperConfig,
  requestInfoOf,
  TimeoutError,
  type UnauthorizedContext,
} from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";
import { hangingFetch, json, recordingFetch } from "./support/recording-fetch.js";

const ORIGIN = "https://api.example.com";

function setup(handler: Parameters<typeof recordingFetch>[0], config: Partial<FetchWrapperConfig> = {}) {
  const recorder = recordingFetch(handler);
  const sleeps: number[] = [];
  const wrapper = createFetchWrapper({
    origin: ORIGIN,
    fetch: recorder.fetch,
    timeout: 1000,
    maxRetries: 2,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...config,
  });
  return { ...wrapper, requests: recorder.requests, sleeps };
}

function connectionRefused(): TypeError {
  return new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
}

describe("retries", () => {
  it("retries a GET on 503 and returns the success", async () => {
    const w = setup((_r, i) => (i === 0 ? new Response("busy", { status: 503 }) : json({ ok: true })));
    const response = await w.fetch(`${ORIGIN}/things`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(w.requests).toHaveLength(2);
    expect(w.sleeps).toEqual([500]);
  });

  it.each([408, 429, 500, 502, 504])("retries a GET on %i", async (status) => {
    const w = setup((_r, i) => (i === 0 ? new Response(null, { status }) : new Response("ok")));
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(w.requests).toHaveLength(2);
  });

  it.each([400, 404, 409, 422, 501])("does not retry a GET on %i", async (status) => {
    const w = setup(() => new Response(null, { status }));
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(status);
    expect(w.requests).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });

  it("honours Retry-After in seconds", async () => {
    const w = setup((_r, i) =>
      i === 0 ? new Response(null, { status: 429, headers: { "retry-after": "2" } }) : new Response("ok"),
    );
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(w.sleeps).toEqual([2000]);
  });

  it("honours retry-after-ms before Retry-After", async () => {
    const w = setup((_r, i) =>
      i === 0
        ? new Response(null, { status: 503, headers: { "retry-after-ms": "150", "retry-after": "9" } })
        : new Response("ok"),
    );
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(w.sleeps).toEqual([150]);
  });

  it("honours a Retry-After HTTP date", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const w = setup((_r, i) =>
      i === 0 ? new Response(null, { status: 503, headers: { "retry-after": at } }) : new Response("ok"),
    );
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(w.sleeps).toHaveLength(1);
    expect(w.sleeps[0]).toBeGreaterThan(3_000);
    expect(w.sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it("does not retry when Retry-After is above 60 s, and returns the 429", async () => {
    const w = setup(() => new Response("slow down", { status: 429, headers: { "retry-after": "61" } }));
    const response = await w.fetch(`${ORIGIN}/x`);
    expect(response.status).toBe(429);
    expect(await response.text()).toBe("slow down");
    expect(w.requests).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });

  it("accepts a Retry-After of exactly 60 s", async () => {
    const w = setup((_r, i) =>
      i === 0 ? new Response(null, { status: 429, headers: { "retry-after": "60" } }) : new Response("ok"),
    );
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(w.sleeps).toEqual([60_000]);
  });

  it("backs off exponentially (random = 0 → 500, 1000) and returns the last response after maxRetries", async () => {
    const w = setup((_r, i) => new Response(`attempt ${i + 1}`, { status: 503 }));
    const response = await w.fetch(`${ORIGIN}/x`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("attempt 3");
    expect(w.requests).toHaveLength(3);
    expect(w.sleeps).toEqual([500, 1000]);
  });

  it("applies up to 25 % jitter and caps the backoff at 8 s", async () => {
    const jittered = setup(() => new Response(null, { status: 503 }), { random: () => 1 });
    await jittered.fetch(`${ORIGIN}/x`);
    expect(jittered.sleeps).toEqual([375, 750]);

    const capped = setup(() => new Response(null, { status: 503 }), { maxRetries: 6 });
    await capped.fetch(`${ORIGIN}/x`);
    expect(capped.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("does not retry a POST on 503", async () => {
    const w = setup(() => new Response(null, { status: 503 }));
    const response = await w.fetch(`${ORIGIN}/jobs`, { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
    expect(w.requests).toHaveLength(1);
  });

  it("does not retry a POST that timed out", async () => {
    let calls = 0;
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      fetch: hangingFetch(() => calls++),
      timeout: 20,
      maxRetries: 2,
      sleep: async () => {},
    });
    const error = await wrapper.fetch(`${ORIGIN}/jobs`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(calls).toBe(1);
  });

  it("retries a POST whose connection was refused (nothing reached the server)", async () => {
    const w = setup((r, i) => {
      if (i === 0) throw connectionRefused();
      return json({ created: r.body });
    });
    const response = await w.fetch(`${ORIGIN}/jobs`, { method: "POST", body: '{"a":1}' });
    expect(await response.json()).toEqual({ created: '{"a":1}' });
    expect(w.requests).toHaveLength(2);
    expect(w.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it("does not retry a POST whose connection was reset (the body may have arrived)", async () => {
    const w = setup(() => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    });
    const error = await w.fetch(`${ORIGIN}/jobs`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(w.requests).toHaveLength(1);
  });

  it("retries a GET on a connection error and then succeeds", async () => {
    const w = setup((_r, i) => {
      if (i < 2) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return new Response("ok");
    });
    expect(await (await w.fetch(`${ORIGIN}/x`)).text()).toBe("ok");
    expect(w.requests).toHaveLength(3);
    expect(w.sleeps).toEqual([500, 1000]);
  });

  it("lets per-call maxRetries override the client's", async () => {
    const none = setup(() => new Response(null, { status: 503 }), { maxRetries: 2 });
    expect((await none.withOptions({ maxRetries: 0 })(`${ORIGIN}/x`)).status).toBe(503);
    expect(none.requests).toHaveLength(1);

    const more = setup(() => new Response(null, { status: 503 }), { maxRetries: 0 });
    await more.withOptions({ maxRetries: 3 })(`${ORIGIN}/x`);
    expect(more.requests).toHaveLength(4);
    expect(more.sleeps).toEqual([500, 1000, 2000]);
  });
});

describe("timeouts and aborts", () => {
  it("throws TimeoutError once every attempt timed out", async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      fetch: hangingFetch(() => calls++),
      timeout: 20,
      maxRetries: 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
    });
    const started = Date.now();
    const error = await wrapper.fetch(`${ORIGIN}/slow?private_token=pt-secret`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
    expect((error as TimeoutError).method).toBe("GET");
    expect((error as TimeoutError).url).toBe(`${ORIGIN}/slow?private_token=[REDACTED]`);
    expect((error as TimeoutError).message).not.toContain("pt-secret");
    expect(calls).toBe(2);
    expect(sleeps).toEqual([500]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("takes a per-call timeout", async () => {
    const wrapper = createFetchWrapper({ origin: ORIGIN, fetch: hangingFetch(), timeout: 60_000, maxRetries: 0 });
    const error = await wrapper
      .withOptions({ timeout: 15 })(`${ORIGIN}/x`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(15);
  });

  it("treats a timeout beyond the platform's timer limit as a long timeout, not an immediate one", async () => {
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      timeout: 3_000_000_000,
      maxRetries: 0,
      fetch: (async (_u: unknown, init: RequestInit) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return new Response(init.signal?.aborted ? "aborted" : "ok");
      }) as typeof fetch,
    });
    const response = await wrapper.fetch(`${ORIGIN}/x`);
    expect(await response.text()).toBe("ok");
  });

  it("turns the caller's abort into AbortError at once, without retries", async () => {
    let calls = 0;
    const controller = new AbortController();
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      fetch: hangingFetch(() => {
        calls++;
        setTimeout(() => controller.abort(new Error("user gave up")), 5);
      }),
      timeout: 60_000,
      maxRetries: 5,
      sleep: async () => {},
    });
    const error = await wrapper.fetch(`${ORIGIN}/x`, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as AbortError).cause as Error).message).toBe("user gave up");
    expect(calls).toBe(1);
  });

  it("honours a per-call signal given through withOptions", async () => {
    let calls = 0;
    const controller = new AbortController();
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      fetch: hangingFetch(() => {
        calls++;
        setTimeout(() => controller.abort(), 5);
      }),
      timeout: 60_000,
      maxRetries: 5,
    });
    const error = await wrapper
      .withOptions({ signal: controller.signal })(`${ORIGIN}/x`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toBe(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const w = setup(() => new Response("ok"));
    const error = await w.fetch(`${ORIGIN}/x`, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(w.requests).toHaveLength(0);
  });

  it("stops waiting between retries when the caller aborts", async () => {
    const controller = new AbortController();
    const recorder = recordingFetch(() => {
      setTimeout(() => controller.abort(), 5);
      return new Response(null, { status: 503 });
    });
    // The real sleep: a 500 ms backoff interrupted after ~5 ms.
    const wrapper = createFetchWrapper({ origin: ORIGIN, fetch: recorder.fetch, timeout: 1000, maxRetries: 3 });
    const started = Date.now();
    const error = await wrapper.fetch(`${ORIGIN}/x`, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(recorder.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(400);
  });
});

describe("aborts while the strategy is at work", () => {
  it("turns an abort during authenticate into AbortError, sending nothing", async () => {
    const auth: AuthStrategy = {
      kind: "slow",
      headerNames: ["authorization"],
      authenticate: (_headers, { signal }) =>
        new Promise<void>((_resolve, reject) => {
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        }),
    };
    const w = setup(() => new Response("ok"), { auth });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 5);
    const error = await w.fetch(`${ORIGIN}/x`, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as AbortError).cause as Error).message).toBe("stop");
    expect(w.requests).toHaveLength(0);
  });

  it("passes other authenticate errors through unchanged", async () => {
    const failure = new Error("no credentials configured");
    const auth: AuthStrategy = {
      kind: "broken",
      headerNames: [],
      authenticate: async () => {
        throw failure;
      },
    };
    const w = setup(() => new Response("ok"), { auth });
    expect(await w.fetch(`${ORIGIN}/x`).catch((e: unknown) => e)).toBe(failure);
    expect(w.requests).toHaveLength(0);
  });
});

describe("connection errors", () => {
  it("throws ConnectionError with the URL redacted and the cause kept", async () => {
    const cause = connectionRefused();
    const w = setup(
      () => {
        throw cause;
      },
      { maxRetries: 1 },
    );
    const error = await w.fetch(`${ORIGIN}/p?access_token=at-secret&x=1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const connection = error as ConnectionError;
    expect(connection.url).toBe(`${ORIGIN}/p?access_token=[REDACTED]&x=1`);
    expect(connection.method).toBe("GET");
    expect(connection.message).toBe(
      `GET ${ORIGIN}/p?access_token=[REDACTED]&x=1 failed: could not connect (ECONNREFUSED)`,
    );
    expect(connection.cause).toBe(cause);
    expect(w.requests).toHaveLength(2);
  });

  it("describes an error without a code by its message", async () => {
    const w = setup(
      () => {
        throw new TypeError("network down");
      },
      { maxRetries: 0 },
    );
    const error = await w.fetch(`${ORIGIN}/x`).catch((e: unknown) => e);
    expect((error as ConnectionError).message).toBe(`GET ${ORIGIN}/x failed: network down`);
  });
});

describe("bodies and headers", () => {
  it("replays a PUT body byte-identical on retry", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128, 10, 13]);
    const w = setup((_r, i) => (i === 0 ? new Response(null, { status: 502 }) : new Response(null, { status: 204 })));
    const response = await w.fetch(`${ORIGIN}/blob`, {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(response.status).toBe(204);
    expect(w.requests).toHaveLength(2);
    expect(w.requests[0]?.bytes).toEqual(bytes);
    expect(w.requests[1]?.bytes).toEqual(bytes);
    expect(w.requests[1]?.method).toBe("PUT");
    expect(w.requests[1]?.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("replays a POST JSON body byte-identical after a 401 re-authentication", async () => {
    let token = "old";
    const auth: AuthStrategy = {
      kind: "test",
      headerNames: ["authorization"],
      authenticate(headers) {
        headers.set("authorization", `Bearer ${token}`);
      },
      async onUnauthorized() {
        token = "new";
        return true;
      },
    };
    const w = setup(
      (r) => (r.headers.get("authorization") === "Bearer new" ? json({ id: 7 }) : json({}, { status: 401 })),
      {
        auth,
      },
    );
    const body = JSON.stringify({ name: "ação", list: [1, 2, 3] });
    const response = await w.fetch(
      new Request(`${ORIGIN}/items`, { method: "POST", body, headers: { "content-type": "application/json" } }),
    );
    expect(await response.json()).toEqual({ id: 7 });
    expect(w.requests).toHaveLength(2);
    expect(w.requests[0]?.body).toBe(body);
    expect(w.requests[1]?.bytes).toEqual(w.requests[0]?.bytes);
    expect(w.requests[1]?.headers.get("content-type")).toBe("application/json");
    expect(w.requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer old", "Bearer new"]);
  });

  it("applies per-call headers over the request's own", async () => {
    const w = setup(() => new Response("ok"));
    await w.withOptions({ headers: { prefer: "code=202", "x-trace": "call" } })(`${ORIGIN}/x`, {
      headers: { "x-trace": "request", accept: "application/json" },
    });
    const headers = w.requests[0]?.headers;
    expect(headers?.get("prefer")).toBe("code=202");
    expect(headers?.get("x-trace")).toBe("call");
    expect(headers?.get("accept")).toBe("application/json");
  });

  it("asks the platform not to follow redirects itself", async () => {
    const calls: RequestInit[] = [];
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      fetch: (async (_url: unknown, init: RequestInit) => {
        calls.push(init);
        return new Response("ok");
      }) as typeof fetch,
      timeout: 1000,
      maxRetries: 0,
    });
    await wrapper.fetch(`${ORIGIN}/x`);
    expect(calls[0]?.redirect).toBe("manual");
  });

  it("records method and final URL for requestInfoOf", async () => {
    const w = setup(() => new Response("ok"));
    const response = await w.fetch(`${ORIGIN}/a?b=1`, { method: "delete" });
    expect(requestInfoOf(response)).toEqual({ method: "DELETE", url: `${ORIGIN}/a?b=1` });
    expect(requestInfoOf(new Response("other"))).toBeUndefined();
  });
});

describe("401 handling", () => {
  function tokenStrategy(renew: boolean | "throw" = true) {
    let version = 1;
    const onUnauthorized = vi.fn(async (_context: UnauthorizedContext) => {
      if (renew === "throw") throw new Error("renewal failed");
      if (renew) version++;
      return renew;
    });
    const auth: AuthStrategy = {
      kind: "test",
      headerNames: ["x-auth-token"],
      authenticate(headers) {
        headers.set("x-auth-token", `t${version}`);
      },
      onUnauthorized,
    };
    return { auth, onUnauthorized };
  }

  it("renews once and replays with the new credential", async () => {
    const { auth, onUnauthorized } = tokenStrategy();
    const w = setup(
      (r) => (r.headers.get("x-auth-token") === "t2" ? new Response("ok") : new Response(null, { status: 401 })),
      {
        auth,
      },
    );
    const response = await w.fetch(`${ORIGIN}/me`);
    expect(response.status).toBe(200);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]?.sentHeaders.get("x-auth-token")).toBe("t1");
    expect(w.requests.map((r) => r.headers.get("x-auth-token"))).toEqual(["t1", "t2"]);
  });

  it("returns a second 401 instead of looping", async () => {
    const { auth, onUnauthorized } = tokenStrategy();
    const w = setup(() => new Response("denied", { status: 401 }), { auth });
    const response = await w.fetch(`${ORIGIN}/me`);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("denied");
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(w.requests).toHaveLength(2);
  });

  it("returns the 401 with its body when the strategy cannot renew", async () => {
    const { auth, onUnauthorized } = tokenStrategy(false);
    const w = setup(() => json({ message: "401 Unauthorized" }, { status: 401 }), { auth });
    const response = await w.fetch(`${ORIGIN}/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "401 Unauthorized" });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(w.requests).toHaveLength(1);
  });

  it("propagates an error thrown while renewing", async () => {
    const { auth } = tokenStrategy("throw");
    const w = setup(() => new Response(null, { status: 401 }), { auth });
    await expect(w.fetch(`${ORIGIN}/me`)).rejects.toThrow("renewal failed");
  });

  it("does not count the re-authentication against maxRetries", async () => {
    const { auth } = tokenStrategy();
    const statuses = [401, 503, 200];
    const w = setup((_r, i) => new Response(null, { status: statuses[i] }), { auth, maxRetries: 1 });
    const response = await w.fetch(`${ORIGIN}/me`);
    expect(response.status).toBe(200);
    expect(w.requests).toHaveLength(3);
    expect(w.sleeps).toEqual([500]);
  });

  it("re-authenticates at most once even across retries", async () => {
    const { auth, onUnauthorized } = tokenStrategy();
    const statuses = [401, 503, 401];
    const w = setup((_r, i) => new Response(null, { status: statuses[i] }), { auth, maxRetries: 2 });
    expect((await w.fetch(`${ORIGIN}/me`)).status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(w.requests).toHaveLength(3);
  });

  it("treats a 401 as final without onUnauthorized", async () => {
    const auth: AuthStrategy = {
      kind: "static",
      headerNames: ["authorization"],
      authenticate: (headers) => headers.set("authorization", "Bearer s"),
    };
    const w = setup(() => new Response(null, { status: 401 }), { auth });
    expect((await w.fetch(`${ORIGIN}/me`)).status).toBe(401);
    expect(w.requests).toHaveLength(1);
  });

  it("does not send the credential to another origin in the first place", async () => {
    const { auth, onUnauthorized } = tokenStrategy();
    const w = setup(() => new Response(null, { status: 401 }), { auth });
    const response = await w.fetch("https://elsewhere.example.com/x", { headers: { "x-auth-token": "manual" } });
    expect(response.status).toBe(401);
    expect(w.requests[0]?.headers.has("x-auth-token")).toBe(false);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe("logging", () => {
  it("logs retries with secrets redacted", async () => {
    const lines: string[] = [];
    const w = setup((_r, i) => (i === 0 ? new Response(null, { status: 503 }) : new Response("ok")), {
      logger: { warn: (m) => lines.push(m), debug: (m) => lines.push(m) },
    });
    await w.fetch(`${ORIGIN}/x?private_token=pt-secret`);
    expect(lines.some((l) => l.includes("→ 503; retry 1/2 in 500 ms"))).toBe(true);
    expect(lines.join("\n")).not.toContain("pt-secret");
    expect(lines.join("\n")).toContain("private_token=[REDACTED]");
  });
});
