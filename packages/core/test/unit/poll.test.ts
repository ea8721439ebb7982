import { AbortError, DataclientsError, PollTimeoutError, pollUntil, waitUntil } from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";

interface Job {
  status: "running" | "done";
  n: number;
}

/** A poll function that reports "done" on the given attempt (1-based). */
function jobDoneAt(doneAt: number) {
  let n = 0;
  return vi.fn(async (_signal?: AbortSignal): Promise<Job> => {
    n++;
    return { status: n >= doneAt ? "done" : "running", n };
  });
}

const isDone = (job: Job) => job.status === "done";

describe("pollUntil", () => {
  it("returns the first value that is done, polling once at once", async () => {
    const poll = jobDoneAt(1);
    const sleep = vi.fn(async () => {});
    expect(await pollUntil(poll, isDone, { sleep })).toEqual({ status: "done", n: 1 });
    expect(poll).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("grows the delay by factor and caps it at maxDelayMs", async () => {
    const poll = jobDoneAt(6);
    const delays: number[] = [];
    const result = await pollUntil(poll, isDone, {
      initialDelayMs: 100,
      factor: 2,
      maxDelayMs: 500,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(result.n).toBe(6);
    expect(delays).toEqual([100, 200, 400, 500, 500]);
  });

  it("uses 1 s · 1.5ⁿ by default", async () => {
    const delays: number[] = [];
    await pollUntil(jobDoneAt(4), isDone, {
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(delays).toEqual([1000, 1500, 2250]);
  });

  it("calls onPoll with each value and its attempt number", async () => {
    const onPoll = vi.fn();
    await pollUntil(jobDoneAt(3), isDone, { onPoll, sleep: async () => {} });
    expect(onPoll.mock.calls).toEqual([
      [{ status: "running", n: 1 }, 1],
      [{ status: "running", n: 2 }, 2],
      [{ status: "done", n: 3 }, 3],
    ]);
  });

  it("throws PollTimeoutError with the last value at the overall deadline", async () => {
    const poll = jobDoneAt(Number.POSITIVE_INFINITY);
    const error = await pollUntil(poll, isDone, { initialDelayMs: 5, factor: 1, timeout: 40, what: "job 7" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toBeInstanceOf(DataclientsError);
    const timeout = error as PollTimeoutError<Job>;
    expect(timeout.timeoutMs).toBe(40);
    expect(timeout.lastValue).toEqual({ status: "running", n: poll.mock.calls.length });
    expect(poll.mock.calls.length).toBeGreaterThan(1);
    expect(timeout.message).toBe("job 7 did not finish within 40 ms; raise `timeout` or poll again later");
  });

  it("never sleeps past the deadline", async () => {
    const delays: number[] = [];
    await pollUntil(jobDoneAt(2), isDone, {
      initialDelayMs: 10_000,
      timeout: 1_000,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(1_000);
    expect(delays[0]).toBeGreaterThan(900);
  });

  it.each([3_000_000_000, Number.POSITIVE_INFINITY])("handles a timeout of %d ms as a long one", async (timeout) => {
    const poll = jobDoneAt(4);
    const result = await pollUntil(poll, isDone, { initialDelayMs: 5, factor: 1, timeout });
    expect(result).toEqual({ status: "done", n: 4 });
  });

  it("turns a poll that the deadline interrupted into PollTimeoutError", async () => {
    let calls = 0;
    const poll = (signal?: AbortSignal) =>
      new Promise<Job>((resolve, reject) => {
        calls++;
        if (calls === 1) return resolve({ status: "running", n: 1 });
        signal?.addEventListener("abort", () => reject(new Error("aborted by deadline")), { once: true });
      });
    const error = await pollUntil(poll, isDone, { initialDelayMs: 1, timeout: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError<Job>).lastValue).toEqual({ status: "running", n: 1 });
  });

  it("throws AbortError when the caller aborts during the wait", async () => {
    const controller = new AbortController();
    const poll = jobDoneAt(Number.POSITIVE_INFINITY);
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("stop")), 10);
    const error = await pollUntil(poll, isDone, { initialDelayMs: 5_000, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(PollTimeoutError);
    expect(((error as AbortError).cause as Error).message).toBe("stop");
    expect(poll).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("does not poll when the signal is already aborted", async () => {
    const poll = jobDoneAt(1);
    await expect(pollUntil(poll, isDone, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(poll).not.toHaveBeenCalled();
  });

  it("passes a signal to poll that fires on the caller's abort", async () => {
    const controller = new AbortController();
    const signals: Array<AbortSignal | undefined> = [];
    const poll = async (signal?: AbortSignal) => {
      signals.push(signal);
      controller.abort();
      return { status: "running" as const, n: 1 };
    };
    await expect(pollUntil(poll, isDone, { signal: controller.signal, sleep: async () => {} })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(signals[0]?.aborted).toBe(true);
  });

  it("propagates an error from poll", async () => {
    const poll = async () => {
      throw new Error("job failed");
    };
    await expect(pollUntil(poll, isDone, { sleep: async () => {} })).rejects.toThrow("job failed");
  });
});

describe("waitUntil (a vendor's wait)", () => {
  it("passes the caller's request options with the wait's signal, and fills in the vendor's defaults", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const calls: Array<{ headers?: Record<string, string>; timeout?: number; signal?: AbortSignal }> = [];
      const polls: number[] = [];
      let n = 0;
      const waiting = waitUntil(
        async (call) => {
          calls.push(call);
          polls.push(Date.now());
          return { status: ++n >= 3 ? "done" : "running" };
        },
        (state) => state.status === "done",
        { headers: { "x-a": "1" }, timeout: 5_000, factor: 2 },
        { waitTimeout: 60_000, initialDelayMs: 100, maxDelayMs: 1_000, factor: 10, what: "the job" },
      );
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await waiting).toEqual({ status: "done" });
      // initialDelayMs 100 from the defaults, the caller's factor 2 over the default 10.
      expect(polls).toEqual([0, 100, 300]);
      expect(calls.map((call) => [call.headers, call.timeout, call.signal instanceof AbortSignal])).toEqual(
        Array(3).fill([{ "x-a": "1" }, 5_000, true]),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends with PollTimeoutError naming what it waited for after the vendor's waitTimeout", async () => {
    const waiting = waitUntil(
      async () => ({ status: "running" }),
      () => false,
      {},
      { waitTimeout: 30, initialDelayMs: 10, what: "DataOps.live pipeline 290" },
    );
    const error = await rejection(waiting, PollTimeoutError);
    expect(error.message).toContain("DataOps.live pipeline 290 did not finish within 30 ms");
  });
});
