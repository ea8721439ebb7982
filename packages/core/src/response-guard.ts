// The body of a response the wrapper returns stays under the call's controller, so the timer and the caller's
// signal keep applying after the headers: a buffered read (text, json, arrayBuffer, bytes, blob, formData, and
// openapi-fetch's parsing) must finish within the attempt's `timeout`; once the caller takes `response.body`
// as a stream, the limit becomes an idle timeout (no chunk for `timeout` ms). Either way a fault arrives as a
// typed error (TimeoutError, AbortError, ConnectionError, ResponseTooLargeError), never a bare "terminated".
//
// Cost matters here (it runs on every response): the platform's Response is kept, and its readers are
// swapped by giving it one shared prototype whose methods find the response's GuardedBody (no closures, no
// second Response, no stream unless the caller asks for one). A buffered read whose Content-Length is known,
// uncompressed and within the cap is the platform's own text()/arrayBuffer(); only a body of unknown length
// is read chunk by chunk to enforce the cap as it arrives.
import type { CallController } from "./call-controller.js";
import { ConnectionError, DataclientsError, ResponseTooLargeError, TimeoutError } from "./errors.js";
import { parseJsonBody } from "./json-body.js";
import { describeNetworkError } from "./network-error.js";
import { NULL_BODY_STATUSES } from "./platform-response.js";
import { redactUrl, scrubString, shortUrl } from "./redact.js";
import { concatBytes } from "./response-body.js";
import { contextOf, type ResponseContext, recordResponse } from "./response-info.js";

const platform = Response.prototype;
const bodyOf = Object.getOwnPropertyDescriptor(platform, "body")?.get as (
  this: Response,
) => ReadableStream<Uint8Array> | null;
const platformText = platform.text;
const platformArrayBuffer = platform.arrayBuffer;
const decoder = new TextDecoder();

export interface GuardInit {
  controller: CallController;
  method: string;
  url: string;
  /** The credential values the attempt sent, computed only when an error or a scrub needs them. */
  secrets: () => readonly string[];
  maxBytes: number;
  retries: number;
  /**
   * The fetch aborts the body when the controller's signal fires (the platform's fetch does). When false (an
   * injected fetch), a platform read is raced against the guard's failure so it cannot outlive the deadline.
   */
  abortsBody: boolean;
}

type Chunk = ReadableStreamReadResult<Uint8Array>;

/** One response's body under its call's controller; also the response's recorded context. */
export class GuardedBody implements ResponseContext {
  readonly method: string;
  readonly url: string;
  maxBytes: number;
  retries: number;
  #mode: "buffered" | "stream" = "buffered";
  #limitBytes: number;
  #finished = false;
  #failure: unknown;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #branch: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #branchStream: ReadableStream<Uint8Array> | undefined;
  #onFailure: ((error: unknown) => void) | undefined;
  #consumed = false;
  #stream: ReadableStream<Uint8Array> | undefined;
  #cachedSecrets: readonly string[] | undefined;

  readonly #init: GuardInit;

  constructor(
    readonly response: Response,
    init: GuardInit,
  ) {
    this.#init = init;
    this.method = init.method;
    this.url = init.url;
    this.maxBytes = init.maxBytes;
    this.#limitBytes = init.maxBytes;
    this.retries = init.retries;
  }

  get secrets(): readonly string[] {
    this.#cachedSecrets ??= this.#init.secrets();
    return this.#cachedSecrets;
  }

  /** Lowers (or raises) the cap for the next buffered read (readBody's `maxBytes`). */
  limit(maxBytes: number): void {
    this.#limitBytes = maxBytes;
  }

  /** Called by the controller on an abort or a timeout after the headers arrived. */
  onEvent(event: "abort" | "timeout"): void {
    const { controller } = this.#init;
    if (event === "abort") {
      this.#fail(controller.abortError());
      return;
    }
    const phase = this.#mode === "stream" ? "idle" : "body";
    this.#fail(new TimeoutError(controller.timeoutMs, this.method, redactUrl(this.url), { ...this.#facts(), phase }));
  }

  /** The whole body as bytes, within the deadline and the size cap. */
  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    // Not async, like rawText: a call reads its body once, and each async layer is another turn per call.
    try {
      this.#claim();
      if (this.#fastReadable()) {
        return this.#platformRead(platformArrayBuffer).then((buffer) => new Uint8Array(buffer as ArrayBuffer));
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#readChunks();
  }

  /** The whole body as text, as sent (success bodies are data: never scrubbed). */
  rawText(): Promise<string> {
    try {
      this.#claim();
      if (this.#fastReadable()) return this.#platformRead(platformText) as Promise<string>;
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#readChunks().then((bytes) => decoder.decode(bytes));
  }

  /**
   * The body as text for whoever reads the response: an error body that echoes the request (a proxy's 5xx page
   * quoting the headers) loses the credentials sent before anyone parses it.
   */
  text(): Promise<string> {
    const text = this.rawText();
    return this.response.ok ? text : text.then((value) => scrubString(value, this.secrets));
  }

  /** Releases the body unread (and the call with it). */
  async cancel(reason?: unknown): Promise<void> {
    if (this.#stream) return this.#stream.cancel(reason).catch(() => {});
    if (this.#finished) return;
    this.end();
    await (this.#reader ?? bodyOf.call(this.response))?.cancel(reason).catch(() => {});
  }

  /** The body as a stream read at the caller's pace (idle timeout), created on first use. */
  streamOf(): ReadableStream<Uint8Array> {
    this.#stream ??= new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          this.#onFailure = (error) => c.error(error);
        },
        pull: async (c) => {
          // Reading the stream means reading at the caller's pace: from the first pull on, only the server's
          // silence times out (taking `body` alone changes nothing: a Download may take it, then call text()).
          // After clone() the tee pulls for two buffered readers: the whole-response deadline keeps running.
          const idle = this.#branchStream === undefined;
          if (idle) {
            this.#mode = "stream";
            if (!this.#finished) this.#init.controller.armIdle();
          }
          let chunk: Chunk;
          try {
            chunk = await this.#readChunk();
          } catch (error) {
            try {
              c.error(error);
            } catch {
              // `fail` has already errored this stream.
            }
            return;
          }
          if (idle) this.#init.controller.disarm();
          if (chunk.done) c.close();
          else c.enqueue(chunk.value);
        },
        cancel: (reason) => {
          if (this.#finished) return;
          this.end();
          return (this.#reader ?? bodyOf.call(this.response))?.cancel(reason).catch(() => {});
        },
      },
      { highWaterMark: 0 },
    );
    return this.#stream;
  }

  /** A second Response reading the same guarded bytes (tee'd from the guarded stream). */
  clone(): Response {
    if (this.#consumed) throw new TypeError("Response.clone: Body has already been consumed.");
    const [mine, theirs] = this.streamOf().tee();
    this.#stream = mine;
    this.#branchStream = mine;
    // Both sides are usually buffered (throwOnError reads the clone, openapi-fetch the original).
    this.#mode = "buffered";
    if (!this.#finished) this.#init.controller.continueDeadline();
    const { response } = this;
    const copy = new Response(theirs, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(copy, "url", { value: response.url, configurable: true });
    return copy;
  }

  /** Ends the call as finished (a body with nothing to read). */
  end(): void {
    this.#finished = true;
    this.#init.controller.dispose();
  }

  #facts() {
    const { headers, status } = this.response;
    return { status, requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined };
  }

  #fail(error: unknown): void {
    if (this.#finished) return;
    this.#failure = error;
    this.end();
    this.#onFailure?.(error);
    // Cancelling releases the connection; a pending read then resolves as done and sees `failure`.
    this.#reader?.cancel(error).catch(() => {});
  }

  #claim(): void {
    if (
      this.#consumed ||
      this.#stream?.locked ||
      (this.#reader === undefined && this.#branchStream === undefined && this.response.bodyUsed)
    ) {
      throw new TypeError("Body is unusable: Body has already been read");
    }
    this.#consumed = true;
  }

  #tooLarge(): ResponseTooLargeError {
    const { response } = this;
    const error = new ResponseTooLargeError(
      { status: response.status, method: this.method, url: this.url, headers: response.headers },
      this.#limitBytes,
    );
    this.#fail(error);
    return error;
  }

  /**
   * Whether the platform may read the whole body at once: a declared, uncompressed length within the cap (a
   * compressed body can expand past any cap, so it is counted as it arrives). A body declared larger than the cap
   * fails here, before a byte of it is read.
   */
  #fastReadable(): boolean {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#stream !== undefined || this.#reader !== undefined) return false;
    const { headers } = this.response;
    const declared = headers.get("content-length");
    if (declared === null) return false;
    const length = Number(declared);
    if (!Number.isSafeInteger(length)) return false;
    const encoding = headers.get("content-encoding");
    if (encoding !== null && encoding !== "identity") return false;
    if (this.#limitBytes > 0 && length > this.#limitBytes) {
      const error = this.#tooLarge();
      bodyOf
        .call(this.response)
        ?.cancel(error)
        .catch(() => {});
      throw error;
    }
    return true;
  }

  async #platformRead(read: (this: Response) => Promise<unknown>): Promise<unknown> {
    let value: unknown;
    try {
      const reading = read.call(this.response);
      value = await (this.#init.abortsBody ? reading : Promise.race([reading, this.#failed(reading)]));
    } catch (error) {
      if (this.#failure === undefined) this.#fail(readFailure(error, this.method, this.url, this.#facts()));
      throw this.#failure;
    }
    if (this.#failure !== undefined) throw this.#failure;
    this.end();
    return value;
  }

  /** Rejects when the guard fails (for a fetch that may not abort the body it gave). */
  #failed(reading: Promise<unknown>): Promise<never> {
    reading.catch(() => {});
    return new Promise<never>((_, reject) => {
      this.#onFailure = reject;
    });
  }

  /** One chunk from the platform's stream (or the clone's branch), or the typed reason the read failed. */
  async #readChunk(): Promise<Chunk> {
    if (this.#failure !== undefined) throw this.#failure;
    if (!this.#reader) {
      const source = bodyOf.call(this.response);
      if (!source) return { done: true, value: undefined };
      this.#reader = source.getReader();
    }
    let chunk: Chunk;
    try {
      chunk = await this.#reader.read();
    } catch (error) {
      if (this.#failure === undefined) this.#fail(readFailure(error, this.method, this.url, this.#facts()));
      throw this.#failure;
    }
    if (this.#failure !== undefined) throw this.#failure;
    if (chunk.done) this.end();
    return chunk;
  }

  /** The whole body chunk by chunk, failing as soon as it passes the cap. */
  async #readChunks(): Promise<Uint8Array<ArrayBuffer>> {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // After clone(), this side reads its own branch of the guarded stream (already typed and timed).
      let chunk: Chunk;
      if (this.#branchStream) {
        this.#branch ??= this.#branchStream.getReader();
        chunk = await this.#branch.read();
      } else {
        chunk = await this.#readChunk();
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (this.#limitBytes > 0 && total > this.#limitBytes) throw this.#tooLarge();
      chunks.push(chunk.value);
    }
    return concatBytes(chunks, total);
  }
}

function guardOf(response: Response): GuardedBody {
  return contextOf(response) as GuardedBody;
}

// The readers every guarded response gets, shared by all of them (each finds its own GuardedBody).
const guardedPrototype: Response = Object.create(platform, {
  body: {
    configurable: true,
    get(this: Response) {
      return guardOf(this).streamOf();
    },
  },
  arrayBuffer: {
    configurable: true,
    writable: true,
    async value(this: Response) {
      const bytes = await guardOf(this).bytes();
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? bytes.buffer
        : bytes.slice().buffer;
    },
  },
  bytes: {
    configurable: true,
    writable: true,
    value(this: Response) {
      return guardOf(this).bytes();
    },
  },
  text: {
    configurable: true,
    writable: true,
    value(this: Response) {
      return guardOf(this).text();
    },
  },
  // Response.json's SyntaxError quotes the body (a token, in a token exchange): a typed error instead.
  json: {
    configurable: true,
    writable: true,
    async value(this: Response) {
      const guard = guardOf(this);
      return parseJsonBody(await guard.text(), this, guard);
    },
  },
  blob: {
    configurable: true,
    writable: true,
    async value(this: Response) {
      const bytes = await guardOf(this).bytes();
      return new Blob([bytes], { type: this.headers.get("content-type") ?? "" });
    },
  },
  formData: {
    configurable: true,
    writable: true,
    async value(this: Response) {
      const bytes = await guardOf(this).bytes();
      return new Response(bytes, { headers: { "content-type": this.headers.get("content-type") ?? "" } }).formData();
    },
  },
  clone: {
    configurable: true,
    writable: true,
    value(this: Response) {
      return guardOf(this).clone();
    },
  },
});

/**
 * Puts the response's body under the call's controller and records its context; returns the same object, its
 * readers swapped for guarded ones when `install` (a response handed to a caller) — a caller inside core may read
 * through the GuardedBody (contextOf) directly.
 */
export function guardResponse(response: Response, init: GuardInit, install = true): Response {
  const guard = new GuardedBody(response, init);
  recordResponse(response, guard);
  if (
    response.body === null ||
    init.method === "HEAD" ||
    NULL_BODY_STATUSES.has(response.status) ||
    response.headers.get("content-length") === "0"
  ) {
    // Nothing to read, so the call ends here (openapi-fetch does not read a Content-Length: 0 body either).
    guard.end();
    return response;
  }
  init.controller.listener = guard;
  init.controller.continueDeadline();
  if (install) Object.setPrototypeOf(response, guardedPrototype);
  return response;
}

/** A mid-body failure as a ConnectionError that says it happened after the response started. */
function readFailure(
  error: unknown,
  method: string,
  url: string,
  facts: { status: number; requestId: string | undefined },
) {
  if (error instanceof DataclientsError) return error;
  return new ConnectionError(
    `${method} ${shortUrl(url)} answered ${facts.status}, but the connection failed while reading the response body: ${describeNetworkError(error, true)}`,
    method,
    redactUrl(url),
    { cause: error, ...facts },
  );
}
