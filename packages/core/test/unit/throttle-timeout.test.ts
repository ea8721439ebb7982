// maxRequestsPerSecond is a client option: the wrapper waits for a turn before an attempt's timer starts, so a
// queue longer than `timeout` still succeeds, and a client shares one rate with its credential-free twin.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AuthStrategy,
  createApiClient,
  createBindingClient,
  createThrottle,
  createVendorClient,
  throttleFor,
} from "../../src/index.js";
import { json, recordingFetch } from "./support/recording-fetch.js";

const meta = { name: "Throttled" };

afterEach(() => {
  vi.useRealTimers();
});

describe("maxRequestsPerSecond", () => {
  it("holds request starts to the rate, and the wait does not count against timeout", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const recorder = recordingFetch(() => {
      starts.push(Date.now());
      return json({ ok: true });
    });
    const client = createApiClient<Record<string, never>>(
      { baseUrl: "https://api.example.test", fetch: recorder.fetch, maxRequestsPerSecond: 2, timeout: 500 },
      meta,
    );
    const get = client.api.GET as unknown as (path: string) => Promise<{ data?: unknown; error?: unknown }>;
    const calls = Array.from({ length: 5 }, () => get("/x"));
    await vi.advanceTimersByTimeAsync(5_000);
    const results = await Promise.all(calls);
    expect(results.map((r) => r.data)).toEqual(Array(5).fill({ ok: true }));
    expect(starts).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it("is rejected with a message naming it when not a whole number ≥ 0", () => {
    for (const value of [-1, 1.5, "8"]) {
      expect(() => createApiClient({ maxRequestsPerSecond: value as number }, meta)).toThrow(
        /`maxRequestsPerSecond` must be a whole number ≥ 0/,
      );
    }
  });

  it("a login strategy's own requests (createBindingClient) take turns from the client's rate", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: Array<[string, number]> = [];
    const recorder = recordingFetch((request) => {
      starts.push([new URL(request.url).pathname, Date.now()]);
      return json({ ok: true });
    });
    let loggedIn = false;
    const login: AuthStrategy = {
      kind: "test login",
      headerNames: ["authorization"],
      authenticate() {
        throw new Error("bind first");
      },
      bind(binding) {
        const twin = createBindingClient<Record<string, never>>(binding, "Throttled login");
        const post = twin.api.POST as unknown as (path: string) => Promise<unknown>;
        return {
          kind: "test login",
          headerNames: ["authorization"],
          async authenticate(headers) {
            if (!loggedIn) {
              loggedIn = true;
              await post("/login");
            }
            headers.set("authorization", "Bearer t");
          },
        };
      },
    };
    const client = createApiClient<Record<string, never>>(
      { baseUrl: "https://api.example.test", fetch: recorder.fetch, maxRequestsPerSecond: 2, auth: login },
      meta,
    );
    const get = client.api.GET as unknown as (path: string) => Promise<unknown>;
    const calls = [get("/x"), get("/x")];
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all(calls);
    // Rate 2: the login and the first call start at 0; the second call waits for the next window.
    expect(starts).toEqual([
      ["/login", 0],
      ["/x", 0],
      ["/x", 1000],
    ]);
    expect(throttleFor(0)).toBeUndefined();
  });

  it("one rate for a client and its credential-free twin (operations with security: [])", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const recorder = recordingFetch(() => {
      starts.push(Date.now());
      return json({ ok: true });
    });
    const operations = {
      open: { method: "GET", path: "/open", response: "json", security: [] },
      closed: { method: "GET", path: "/closed", response: "json", security: [["token"]] },
    } as const;
    const { client } = createVendorClient<Record<string, never>, Record<string, () => Promise<unknown>>>(
      {
        baseUrl: "https://api.example.test",
        fetch: recorder.fetch,
        maxRequestsPerSecond: 1,
        auth: { kind: "test", headerNames: ["authorization"], authenticate: (h) => h.set("authorization", "t") },
      },
      { name: "Throttled", operations, authHint: "auth" },
    );
    const calls = [client.open?.(), client.closed?.(), client.open?.()];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(calls);
    expect(starts).toEqual([0, 1000, 2000]);
    // Which call starts first is the queue's business; that the twin's calls count against the same rate is ours.
    const credentials = recorder.requests.map((r) => r.headers.get("authorization"));
    expect(credentials.filter((value) => value === "t")).toHaveLength(1);
    expect(credentials.filter((value) => value === null)).toHaveLength(2);
  });
});

describe("createThrottle's window", () => {
  it("slides: each start frees its slot exactly one second later, in start order, round after round", () => {
    let now = 0;
    const throttle = createThrottle({ perSecond: 3, now: () => now });
    const at = (t: number) => {
      now = t;
      return throttle.tryAcquire();
    };
    expect([at(0), at(400), at(800), at(999)]).toEqual([true, true, true, false]);
    // The oldest start (0) leaves the window at 1000, the next (400) at 1400, then 800 at 1800.
    expect([at(1000), at(1001), at(1399), at(1400), at(1799), at(1800)]).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
    // Many windows later the ring still holds the last three starts (1000, 1400, 1800) in order.
    expect([at(1999), at(2000), at(2399), at(2400), at(2800), at(2801)]).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(throttle.waiting).toBe(0);
  });
});
