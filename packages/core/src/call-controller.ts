// One controller per call, from the first attempt until the response body is consumed, cancelled or fails.
// It replaces a per-attempt AbortController + AbortSignal.any (a quarter of the client's CPU, and a link that
// ended with the headers): one AbortController whose signal every attempt's fetch gets, one timer re-armed
// per attempt (and per chunk for a returned stream), and one subscription per caller signal, removed when
// the call ends so no listener outlives its call.
import type { AbortError } from "./errors.js";
import { onAbort } from "./signals.js";
import { abortErrorFrom, MAX_TIMER_MS } from "./sleep.js";

export type CallEvent = "abort" | "timeout";

export class CallController {
  #fetchController = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the armed timer is a stream's idle timer rather than the attempt's deadline. */
  #idle = false;
  #deadline = 0;
  #unsubscribers: Array<() => void> | undefined;
  #timedOutFlag = false;
  #disposed = false;
  /** The caller signal that fired, once one did. */
  #abortedBy: AbortSignal | undefined;
  /** Who is told about an abort or a timeout after the headers arrived (the response body's guard). */
  listener: { onEvent(event: CallEvent): void } | undefined;

  constructor(
    signals: ReadonlyArray<AbortSignal | null | undefined>,
    readonly timeoutMs: number,
  ) {
    for (const signal of signals) {
      if (!signal) continue;
      if (signal.aborted) {
        this.#abortedBy ??= signal;
        continue;
      }
      this.#unsubscribers ??= [];
      this.#unsubscribers.push(onAbort(signal, () => this.#callerAborted(signal)));
    }
  }

  /** The signal every attempt's fetch (and the strategy, and the waits between attempts) gets. */
  get signal(): AbortSignal {
    return this.#fetchController.signal;
  }

  /** True once one of the caller's signals fired. */
  get aborted(): boolean {
    return this.#abortedBy !== undefined;
  }

  /** The AbortError to throw for the caller's abort (its `cause` is the signal's reason). */
  abortError(): AbortError {
    return abortErrorFrom(this.#abortedBy as AbortSignal);
  }

  /** Starts an attempt's clock: the whole attempt, headers and (buffered) body, gets `timeoutMs`. */
  startAttempt(): void {
    this.#timedOutFlag = false;
    this.#deadline = Date.now() + this.timeoutMs;
    this.#arm(this.timeoutMs, false);
  }

  /** True when this attempt's timer fired (and resets the flag). */
  takeTimeout(): boolean {
    const fired = this.#timedOutFlag;
    this.#timedOutFlag = false;
    return fired;
  }

  /**
   * The headers arrived and the response goes to the caller: keep the attempt's deadline for a buffered
   * read, without holding the process open for a body nobody reads.
   */
  continueDeadline(): void {
    // Still armed from startAttempt (same deadline): only let go of the process. Else (fired, disarmed, or an idle
    // timer of a stream that a clone now reads buffered) arm what is left of the deadline.
    if (this.#timer !== undefined && !this.#idle) (this.#timer as { unref?: () => void }).unref?.();
    else this.#arm(Math.max(0, this.#deadline - Date.now()), true);
  }

  /** A returned stream waits for its next chunk: it may stay silent for `timeoutMs` (idle timeout). */
  armIdle(): void {
    this.#arm(this.timeoutMs, true);
    this.#idle = true;
  }

  disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Ends the call: clears the timer and removes every listener from the caller's signals. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.disarm();
    this.listener = undefined;
    if (this.#unsubscribers) for (const unsubscribe of this.#unsubscribers) unsubscribe();
    this.#unsubscribers = undefined;
  }

  #arm(ms: number, unref: boolean): void {
    this.disarm();
    this.#idle = false;
    if (this.#disposed) return;
    const timer = setTimeout(() => this.#timeoutFired(), Math.min(ms, MAX_TIMER_MS));
    // Node only (feature-detected): a body that nobody reads must not keep the process alive.
    if (unref) (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }

  #timeoutFired(): void {
    this.#timer = undefined;
    this.#timedOutFlag = true;
    // The attempt's fetch is aborted; the next attempt (and the wait before it) gets a fresh signal.
    const expired = this.#fetchController;
    this.#fetchController = new AbortController();
    expired.abort(new Error("dataclients: attempt timed out"));
    this.listener?.onEvent("timeout");
  }

  #callerAborted(signal: AbortSignal): void {
    this.#abortedBy ??= signal;
    this.disarm();
    this.#fetchController.abort(signal.reason);
    this.listener?.onEvent("abort");
  }
}
