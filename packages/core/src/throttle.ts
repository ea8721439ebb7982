// A client-side request throttle: at most `perSecond` request starts in any window of one second, first come
// first served, shared by every caller of one throttle. A client with `maxRequestsPerSecond` has one: the fetch
// wrapper takes a turn before every attempt (retries and redirect hops included). One queue and at most one timer:
// the timer exists only while a request is waiting, so an idle throttle never keeps a process alive.
import { ConfigurationError } from "./errors.js";
import type { FetchLike } from "./fetch-wrapper.js";
import { sleep as defaultSleep } from "./sleep.js";

const WINDOW_MS = 1_000;

export interface ThrottleOptions {
  /** Most request starts in any one-second window: a whole number ≥ 1. */
  perSecond: number;
  /** Injectable clock in milliseconds (tests). Default Date.now. */
  now?: () => number;
  /** Injectable wait (tests); must settle early, by rejecting or resolving, when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface Throttle {
  /**
   * Resolves when the caller may start its request (at once while the window has room), in call order.
   * Rejects with the signal's reason if it aborts first, leaving the queue.
   */
  acquire(signal?: AbortSignal | null): Promise<void>;
  /** Takes a turn if one is free right now (nobody waits and the window has room): no promise, no wait. */
  tryAcquire(): boolean;
  /** Callers waiting for their turn. */
  readonly waiting: number;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort(): void;
}

export function createThrottle(options: ThrottleOptions): Throttle {
  const { perSecond } = options;
  if (!(Number.isInteger(perSecond) && perSecond >= 1)) {
    throw new ConfigurationError(`throttle: \`perSecond\` must be a whole number ≥ 1; got ${String(perSecond)}`);
  }
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? defaultSleep;
  // The start times of the last `perSecond` requests, a ring whose oldest entry is at `oldest` once it is full:
  // the next request may start when that one is a full window old. (A ring: shifting an array of `perSecond`
  // entries on every request cost O(perSecond) per call.)
  const starts: number[] = [];
  let oldest = 0;
  const queue: Waiter[] = [];
  let pumping = false;
  let wake: AbortController | undefined;

  const delayAt = (t: number) => (starts.length < perSecond ? 0 : (starts[oldest] as number) + WINDOW_MS - t);
  const record = (t: number) => {
    if (starts.length < perSecond) {
      starts.push(t);
      return;
    }
    starts[oldest] = t;
    oldest = (oldest + 1) % perSecond;
  };

  // One loop serves the queue head by head; it sleeps only while someone waits, and is woken early (and
  // its timer cleared) when aborts empty the queue.
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const t = now();
        const delay = delayAt(t);
        if (delay <= 0) {
          const waiter = queue.shift() as Waiter;
          waiter.signal?.removeEventListener("abort", waiter.onAbort);
          record(t);
          waiter.resolve();
          continue;
        }
        wake = new AbortController();
        await wait(delay, wake.signal).catch(() => undefined);
        wake = undefined;
      }
    } finally {
      pumping = false;
    }
  }

  function tryAcquire(): boolean {
    if (queue.length > 0) return false;
    const t = now();
    if (delayAt(t) > 0) return false;
    record(t);
    return true;
  }

  function acquire(signal?: AbortSignal | null): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (tryAcquire()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal: signal ?? undefined,
        onAbort: () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0) wake?.abort();
          reject(signal?.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      queue.push(waiter);
      void pump();
    });
  }

  return {
    acquire,
    tryAcquire,
    get waiting() {
      return queue.length;
    },
  };
}

/**
 * `fetch` behind a throttle: each call waits for its turn (see createThrottle), then calls `fetch`. A call whose
 * `init.signal` (or Request's signal) aborts while it waits rejects with the signal's reason, as fetch would.
 */
export function throttleFetch(fetch: FetchLike, options: ThrottleOptions): FetchLike {
  const throttle = createThrottle(options);
  return async (input, init) => {
    await throttle.acquire(init?.signal ?? (input instanceof Request ? input.signal : undefined));
    return fetch(input, init);
  };
}

/** The client's throttle for `maxRequestsPerSecond` (none for 0 or absent). */
export function throttleFor(perSecond: unknown): Throttle | undefined {
  // An invalid value makes no throttle here: validateClientOptions rejects it with the message that names it.
  return typeof perSecond === "number" && Number.isInteger(perSecond) && perSecond > 0
    ? createThrottle({ perSecond })
    : undefined;
}
