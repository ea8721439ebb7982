/** A signal that fires when any of the given signals fires (AbortSignal.any where the runtime has it). */
export function anySignal(signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  if (typeof AbortSignal.any === "function") return AbortSignal.any(present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

// Many calls often share one caller signal (a request-scoped or app-wide AbortController). Each signal gets
// at most one listener of ours, however many calls wait on it, so Node never prints a
// MaxListenersExceededWarning, and the listener is removed as soon as the last call unsubscribes.
interface Subscribers {
  callbacks: Set<() => void>;
  listener: () => void;
}
const subscriptions = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `callback` once when `signal` aborts. Returns the unsubscribe function, which must be called
 * when the interest ends (it is idempotent). An already-aborted signal is not reported: check first.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = subscriptions.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      subscriptions.delete(signal);
      for (const cb of [...callbacks]) cb();
    };
    entry = { callbacks, listener };
    subscriptions.set(signal, entry);
    signal.addEventListener("abort", listener, { once: true });
  }
  const { callbacks, listener } = entry;
  // One function object per subscription, so the same callback may subscribe twice.
  const subscription = () => callback();
  callbacks.add(subscription);
  return () => {
    if (!callbacks.delete(subscription) || callbacks.size > 0) return;
    if (subscriptions.get(signal)?.callbacks === callbacks) subscriptions.delete(signal);
    signal.removeEventListener("abort", listener);
  };
}
