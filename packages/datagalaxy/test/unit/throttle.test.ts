// The throttle (core's createThrottle/throttleFetch) as DataGalaxy uses it: never more than 8 request starts in
// any one-second window, first come first served, shared by every caller of a client, no timer when idle.
import { createThrottle, throttleFetch } from "@dataclients/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../src/index.js";
import { fakeClient, fakeDatagalaxy, json } from "./fake-datagalaxy.js";

/** A virtual clock: `sleep` registers a timer on it, `run()` fires the timers in time order until none is left. */
function virtualClock() {
  let t = 0;
  const timers: Array<{ at: number; resolve(): void }> = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = { at: t + ms, resolve };
      timers.push(timer);
      signal.addEventListener(
        "abort",
        () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => t,
    sleep,
    timers,
    /** Moves the clock to `time`, firing due timers on the way. */
    async advanceTo(time: number) {
      await flush();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > time) break;
        timers.shift();
        t = Math.max(t, next.at);
        next.resolve();
        await flush();
      }
      t = Math.max(t, time);
      await flush();
    },
  };
}

/** The largest number of starts in any half-open window [s, s + 1000). */
function maxInAnySecond(starts: number[]): number {
  return Math.max(0, ...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length));
}

describe("createThrottle (injected clock)", () => {
  it("20 callers at once: 8 start now, 8 one second later, 4 at two seconds, in call order", async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ perSecond: 8, now: clock.now, sleep: clock.sleep });
    const started: Array<[number, number]> = [];
    const all = Array.from({ length: 20 }, (_, i) => throttle.acquire().then(() => started.push([i, clock.now()])));
    await clock.advanceTo(10_000);
    await Promise.all(all);
    expect(started.map(([i]) => i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(started.map(([, at]) => at)).toEqual([
      ...Array<number>(8).fill(0),
      ...Array<number>(8).fill(1000),
      ...Array<number>(4).fill(2000),
    ]);
    expect(clock.timers).toHaveLength(0);
  });

  it("callers arriving over time: never more than 8 starts in any second, order kept, no needless wait", async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ perSecond: 8, now: clock.now, sleep: clock.sleep });
    const started: Array<[number, number]> = [];
    const all: Promise<unknown>[] = [];
    // 40 callers, one every 60 ms (≈16.7 per second asked for), then a pause, then a burst of 12.
    for (let i = 0; i < 40; i++) {
      await clock.advanceTo(i * 60);
      all.push(throttle.acquire().then(() => started.push([i, clock.now()])));
    }
    await clock.advanceTo(20_000);
    for (let i = 40; i < 52; i++) all.push(throttle.acquire().then(() => started.push([i, clock.now()])));
    await clock.advanceTo(40_000);
    await Promise.all(all);

    const starts = started.map(([, at]) => at);
    expect(started.map(([i]) => i)).toEqual(Array.from({ length: 52 }, (_, i) => i));
    expect(maxInAnySecond(starts)).toBe(8);
    // The first 8 never wait; the 9th waits for the first to leave the window.
    expect(starts.slice(0, 9)).toEqual([0, 60, 120, 180, 240, 300, 360, 420, 1000]);
    // After an idle spell the window is empty again: 8 start at once, the rest a second later — no burst above 8.
    expect(starts.slice(40)).toEqual([...Array<number>(8).fill(20_000), ...Array<number>(4).fill(21_000)]);
    expect(clock.timers).toHaveLength(0);
  });

  it("a caller whose signal aborts while waiting leaves the queue; the others keep their order", async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ perSecond: 2, now: clock.now, sleep: clock.sleep });
    const controller = new AbortController();
    const order: string[] = [];
    const a = throttle.acquire().then(() => order.push("a"));
    const b = throttle.acquire().then(() => order.push("b"));
    const c = throttle.acquire(controller.signal).then(
      () => order.push("c"),
      (reason: unknown) => order.push(`c aborted: ${(reason as Error).name}`),
    );
    const d = throttle.acquire().then(() => order.push(`d at ${clock.now()}`));
    await clock.advanceTo(500);
    expect(throttle.waiting).toBe(2);
    controller.abort();
    await clock.advanceTo(5_000);
    await Promise.all([a, b, c, d]);
    expect(order).toEqual(["a", "b", "c aborted: AbortError", "d at 1000"]);
  });

  it("when aborts empty the queue, its timer is cancelled at once", async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ perSecond: 1, now: clock.now, sleep: clock.sleep });
    await throttle.acquire();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal).catch((reason: unknown) => reason);
    await clock.advanceTo(10);
    expect(clock.timers).toHaveLength(1);
    controller.abort(new Error("stop"));
    expect(await waiting).toEqual(new Error("stop"));
    await clock.advanceTo(20);
    expect(clock.timers).toHaveLength(0);
    expect(throttle.waiting).toBe(0);
  });

  it("rejects perSecond that is not a whole number ≥ 1", () => {
    for (const perSecond of [0, -1, 1.5, Number.NaN]) {
      expect(() => createThrottle({ perSecond })).toThrow(ConfigurationError);
    }
  });
});

describe("throttleFetch (real timers)", () => {
  it("leaves no timer behind: none while idle, none after the queue drains", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    const starts: number[] = [];
    const fetch = throttleFetch(
      async () => {
        starts.push(Date.now());
        return new Response("{}");
      },
      { perSecond: 2 },
    );
    const all = Promise.all([fetch("https://x.test/1"), fetch("https://x.test/2"), fetch("https://x.test/3")]);
    // The third waits on the one timer the throttle holds while someone is queued.
    expect(timers()).toBeGreaterThan(before);
    await all;
    expect(starts).toHaveLength(3);
    expect((starts[2] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(990);
    expect(timers()).toBeLessThanOrEqual(before);
  }, 5_000);
});

describe("the client's throttle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is shared by concurrent calls of one client: 8 per second by default", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const fake = fakeDatagalaxy(() => {
      starts.push(Date.now());
      return json({ organizations: [], projects: [] });
    });
    const client = fakeClient(fake.fetch);
    const calls = Array.from({ length: 20 }, () => client.listWorkspaces());
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(calls);
    expect(starts).toEqual([
      ...Array<number>(8).fill(0),
      ...Array<number>(8).fill(1000),
      ...Array<number>(4).fill(2000),
    ]);
  });

  it("maxRequestsPerSecond sets the rate; 0 turns the throttle off", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const fake = fakeDatagalaxy(() => {
      starts.push(Date.now());
      return json({ organizations: [], projects: [] });
    });
    const two = fakeClient(fake.fetch, { maxRequestsPerSecond: 2 });
    const slow = Array.from({ length: 5 }, () => two.listWorkspaces());
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(slow);
    expect(starts).toEqual([0, 0, 1000, 1000, 2000]);

    starts.length = 0;
    vi.setSystemTime(10_000);
    const off = fakeClient(fake.fetch, { maxRequestsPerSecond: 0 });
    await Promise.all(Array.from({ length: 30 }, () => off.listWorkspaces()));
    expect(starts).toEqual(Array<number>(30).fill(10_000));
  });

  it("throttles every attempt: retries wait their turn too", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const fake = fakeDatagalaxy((_request, index) => {
      starts.push(Date.now());
      return index < 2 ? json({ error: "busy" }, { status: 503 }) : json({ organizations: [], projects: [] });
    });
    const client = fakeClient(fake.fetch, { maxRequestsPerSecond: 1, maxRetries: 2 });
    const call = client.listWorkspaces();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await call).toEqual({ organizations: [], projects: [] });
    expect(starts).toHaveLength(3);
    // Core's backoff alone would retry after 0.5 s and 1 s; one request per second holds each a full second apart.
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(1000);
    expect((starts[2] as number) - (starts[1] as number)).toBeGreaterThanOrEqual(1000);
  });

  it("two clients do not share a budget", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const fake = fakeDatagalaxy(() => {
      starts.push(Date.now());
      return json({ organizations: [], projects: [] });
    });
    const [a, b] = [fakeClient(fake.fetch), fakeClient(fake.fetch)];
    await Promise.all([
      ...Array.from({ length: 8 }, () => a.listWorkspaces()),
      ...Array.from({ length: 8 }, () => b.listWorkspaces()),
    ]);
    expect(starts).toEqual(Array<number>(16).fill(0));
  });

  it("rejects a maxRequestsPerSecond that is not a whole number ≥ 0, naming it", () => {
    const fake = fakeDatagalaxy();
    for (const value of [-1, 2.5, "8", Number.POSITIVE_INFINITY]) {
      expect(() => fakeClient(fake.fetch, { maxRequestsPerSecond: value as number })).toThrow(
        /`maxRequestsPerSecond` must be a whole number ≥ 0 \(default 8, 0 turns throttling off\)/,
      );
    }
  });
});
