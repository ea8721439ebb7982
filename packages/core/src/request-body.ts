// What kind of request body a call carries decides what the wrapper may do with it. Replayable bodies
// (string, bytes, Blob, FormData, URLSearchParams) are re-sent on a retry, a renewal or a redirect. A stream
// (ReadableStream, or an AsyncIterable<Uint8Array> turned into one) is sent once, as it is read, with
// duplex "half": never buffered, never retried, never replayed (Node 20 would keep a whole copy of a stream
// body sent with redirect "manual" or "follow", so a stream goes out with redirect "error").
import { ConfigurationError } from "./errors.js";

/** A body fetch accepts (the DOM's `BodyInit`, spelled so that Node projects without the DOM lib can read our types). */
export type BodyInitLike = NonNullable<RequestInit["body"]>;

export type PreparedBody =
  | { kind: "none" }
  | { kind: "replayable"; body: BodyInitLike }
  | { kind: "stream"; body: ReadableStream<Uint8Array> };

/** Every body type a call may send. */
export type RequestBody = BodyInitLike | AsyncIterable<Uint8Array>;

const trackedBodies = new WeakMap<Request, RequestBody>();

/**
 * A Request that remembers the body it was built from, so the wrapper knows on every runtime whether it is
 * replayable or a stream without reading it. Give it to openapi-fetch (`createClient({ Request })`); it
 * also accepts an AsyncIterable body and adds `duplex: "half"` for streams.
 */
export class DataclientsRequest extends Request {
  constructor(input: Request | string | URL, init?: Omit<RequestInit, "body"> & { body?: RequestBody | null }) {
    const raw = init?.body;
    if (raw == null) {
      // The common case (every GET): nothing to convert or remember.
      super(input, init as RequestInit | undefined);
    } else {
      const body = isAsyncIterable(raw) && !(raw instanceof ReadableStream) ? toStream(raw) : raw;
      const streaming = body instanceof ReadableStream;
      super(input, { ...init, body: body as BodyInitLike, ...(streaming ? { duplex: "half" } : {}) });
      trackedBodies.set(this, body);
    }
    const signal = init?.signal ?? (input instanceof Request ? callerSignalOf(input) : undefined);
    if (signal) callerSignals.set(this, signal);
  }
}

const callerSignals = new WeakMap<Request, AbortSignal>();

/**
 * The signal a caller gave for this request: for a DataclientsRequest the one it was built with (undefined for
 * none: reading `request.signal` would make the runtime create a signal for every request); else its signal.
 */
export function callerSignalOf(request: Request): AbortSignal | undefined {
  return request instanceof DataclientsRequest ? callerSignals.get(request) : request.signal;
}

/** Sorts the body of a call given as `fetch(input, init)`: init's body wins, as in fetch. */
export async function prepareBody(input: Request | string | URL, init: RequestInit | undefined): Promise<PreparedBody> {
  const fromInit = (init as { body?: unknown } | undefined)?.body;
  if (fromInit != null) return classify(fromInit);
  if (!(input instanceof Request) || input.body === null) return { kind: "none" };
  const tracked = trackedBodies.get(input);
  if (tracked !== undefined) return classify(tracked);
  const source = undiciBodySource(input);
  // A stream (undici's source is null for it): send the Request's own stream, once.
  if (source === null) return { kind: "stream", body: input.body };
  if (typeof source === "string") return { kind: "replayable", body: source };
  // Bytes, Blob or FormData already in memory (or unknown runtime): one copy keeps the encoded form and
  // its Content-Type boundary consistent across replays.
  return { kind: "replayable", body: await input.arrayBuffer() };
}

function classify(body: unknown): PreparedBody {
  if (
    typeof body === "string" ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    (typeof FormData !== "undefined" && body instanceof FormData)
  ) {
    return { kind: "replayable", body: body as BodyInitLike };
  }
  if (body instanceof ReadableStream) return { kind: "stream", body };
  if (isAsyncIterable(body)) return { kind: "stream", body: toStream(body) };
  throw new ConfigurationError(
    "request body: expected a string, bytes, Blob, FormData, URLSearchParams, ReadableStream or AsyncIterable<Uint8Array>",
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] === "function";
}

/** An AsyncIterable as a pull-based ReadableStream: one chunk is read from the iterator per pull. */
export function toStream(iterable: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) return controller.close();
        if (typeof value === "string") controller.enqueue(encoder.encode(value));
        else if (value instanceof Uint8Array) controller.enqueue(value);
        else if (ArrayBuffer.isView(value))
          controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        else throw new ConfigurationError("request body: an AsyncIterable body must yield Uint8Array chunks");
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * undici (Node) keeps the body's original source on the Request: null for a stream, the string or bytes
 * otherwise. Undefined on runtimes that do not expose it (those buffer an untracked Request, as before).
 */
function undiciBodySource(request: Request): unknown {
  for (const symbol of Object.getOwnPropertySymbols(request)) {
    const state = (request as unknown as Record<symbol, { body?: { source?: unknown } } | undefined>)[symbol];
    if (state && typeof state === "object" && state.body && "source" in state.body) return state.body.source;
  }
  return undefined;
}

let streamsSupported: boolean | undefined;

/**
 * Whether this platform can send a ReadableStream request body (the standard feature test: the Request
 * constructor reads `duplex` and does not treat the stream as text). Browsers without it get a
 * ConfigurationError rather than a silent copy: a stream is usually chosen because the body is too large
 * to hold, and a Blob (which browsers send from disk) is the portable alternative.
 */
export function platformStreamsRequestBodies(): boolean {
  if (streamsSupported === undefined) {
    try {
      let duplexRead = false;
      const init = {
        method: "POST",
        body: new ReadableStream(),
        get duplex() {
          duplexRead = true;
          return "half";
        },
      };
      const hasContentType = new Request("https://feature.test/", init as RequestInit).headers.has("content-type");
      streamsSupported = duplexRead && !hasContentType;
    } catch {
      streamsSupported = false;
    }
  }
  return streamsSupported;
}
