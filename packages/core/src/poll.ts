// Vendor-neutral polling with backoff, an overall deadline and an AbortSignal.
import { DataclientsError } from "./errors.js";
import type { RequestOptions } from "./options.js";
import { anySignal } from "./signals.js";
import { abortErrorFrom, sleep as defaultSleep, MAX_TIMER_MS } from "./sleep.js";

export interface PollOptions<T> {
  /** First wait between polls (ms). Default 1000. */
  initialDelayMs?: number;
  /** Longest wait between polls (ms). Default 10 000. */
  maxDelayMs?: number;
  /** Growth of the wait per poll. Default 1.5. */
  factor?: number;
  /** Overall limit (ms) across all polls. Default 10 minutes. */
  timeout?: number;
  signal?: AbortSignal;
  /** Called with each polled value (progress reporting). */
  onPoll?: (value: T, attempt: number) => void;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The options of every wait a vendor offers (`waitForPipeline`, `executeAndWait`, …), and its one rule: a wait
 * that returns an object returns the terminal state, whatever it is (check its status); a helper that returns a
 * result (rows, a file) throws a typed error when the job failed. Both end with PollTimeoutError after
 * `waitTimeout` and AbortError on `signal`; `timeout` stays the limit of each request.
 */
export interface WaitOptions<T>
  extends RequestOptions,
    Pick<PollOptions<T>, "initialDelayMs" | "maxDelayMs" | "factor"> {
  /** Overall limit for the whole wait, in ms. Each vendor documents its default. */
  waitTimeout?: number;
  /** Called with each polled state (progress reporting). */
  onPoll?: (state: T, attempt: number) => void;
}

/** Polling gave up at its overall deadline; `lastValue` is the last state seen. */
export class PollTimeoutError<T = unknown> extends DataclientsError {
  override name = "PollTimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly lastValue: T,
    what = "the operation",
  ) {
    super(`${what} did not finish within ${timeoutMs} ms; raise \`timeout\` or poll again later`);
  }
}

/**
 * Calls `poll` until `isDone(value)` is true and returns that value. The first call happens at once;
 * later ones wait initialDelayMs·factorⁿ (capped), never past the overall deadline.
 */
export async function pollUntil<T>(
  poll: (signal?: AbortSignal) => Promise<T>,
  isDone: (value: T) => boolean,
  options: PollOptions<T> & { what?: string } = {},
): Promise<T> {
  const { initialDelayMs = 1000, maxDelayMs = 10_000, factor = 1.5, timeout = 600_000, signal, onPoll } = options;
  const wait = options.sleep ?? defaultSleep;
  const deadline = Date.now() + timeout;
  const deadlineController = new AbortController();
  const timer = setTimeout(() => deadlineController.abort(), Math.min(timeout, MAX_TIMER_MS));
  const combined = anySignal([signal, deadlineController.signal]);
  let delay = initialDelayMs;
  let last: T | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortErrorFrom(signal);
      try {
        last = await poll(combined);
      } catch (error) {
        if (deadlineController.signal.aborted && !signal?.aborted)
          throw new PollTimeoutError(timeout, last, options.what);
        throw error;
      }
      onPoll?.(last, attempt);
      if (isDone(last)) return last;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new PollTimeoutError(timeout, last, options.what);
      try {
        await wait(Math.min(delay, remaining), combined);
      } catch (error) {
        if (deadlineController.signal.aborted && !signal?.aborted)
          throw new PollTimeoutError(timeout, last, options.what);
        throw error;
      }
      delay = Math.min(delay * factor, maxDelayMs);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** What a vendor fills in for a wait the caller configures partly: its defaults, and what the timeout names. */
export interface WaitDefaults<T> extends Pick<PollOptions<T>, "initialDelayMs" | "maxDelayMs" | "factor"> {
  waitTimeout: number;
  /** What is waited for, for PollTimeoutError's message ("DataOps.live pipeline 290"). */
  what: string;
}

/**
 * A vendor's wait (see WaitOptions): polls `fetchState` — given the caller's request options and the wait's signal —
 * until `isDone`, with the vendor's defaults for what the caller leaves out.
 */
export function waitUntil<T>(
  fetchState: (call: RequestOptions) => Promise<T>,
  isDone: (state: T) => boolean,
  options: WaitOptions<T>,
  defaults: WaitDefaults<T>,
): Promise<T> {
  const {
    waitTimeout = defaults.waitTimeout,
    initialDelayMs = defaults.initialDelayMs,
    maxDelayMs = defaults.maxDelayMs,
    factor = defaults.factor,
    onPoll,
    ...call
  } = options;
  return pollUntil((signal) => fetchState({ ...call, signal }), isDone, {
    initialDelayMs,
    maxDelayMs,
    factor,
    timeout: waitTimeout,
    signal: call.signal,
    onPoll,
    what: defaults.what,
  });
}
