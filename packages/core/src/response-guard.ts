// The body of a response the wrapper returns stays under the call's controller, so the timer and the caller's
// signal keep applying after the headers: a buffered read (text, json, arrayBuffer, bytes, blob, formData, and
// openapi-fetch's parsing) must finish within the attempt's `timeout`; once the caller takes `response.body`
// as a stream, the limit becomes an idle timeout (no chunk for `timeout` ms). Either way a fault arrives as a
// typed error (TimeoutError, AbortError, ConnectionError, ResponseTooLargeError), never a bare "terminated".
// The platform's Response is kept and its readers are overridden on the instance: no second Response or
// stream is built unless the caller asks for the stream (a ReadableStream costs more than the rest of a call).
import type { CallController } from "./call-controller.js";
import { ConnectionError, DataclientsError, ResponseTooLargeError, TimeoutError } from "./errors.js";
import { parseJsonBody } from "./json-body.js";
import { describeNetworkError } from "./network-error.js";
import { redactUrl, scrubString, shortUrl } from "./redact.js";
import { concatBytes } from "./response-body.js";
import { type ResponseContext, recordResponse } from "./response-info.js";

// Statuses that never carry a body (the Response constructor rejects one for them).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const bodyOf = Object.getOwnPropertyDescriptor(Response.prototype, "body")?.get as (
  this: Response,
) => ReadableStream<Uint8Array> | null;

export interface GuardInit {
  controller: CallController;
  method: string;
  url: string;
  secrets: readonly string[];
  maxBytes: number;
  retries: number;
}

/** Puts the response's body under the call's controller and records its context; returns the same object. */
export function guardResponse(response: Response, init: GuardInit): Response {
  const { controller } = init;
  const context: ResponseContext = {
    method: init.method,
    url: init.url,
    secrets: init.secrets,
    maxBytes: init.maxBytes,
    retries: init.retries,
  };
  recordResponse(response, context);
  if (
    response.body === null ||
    init.method === "HEAD" ||
    NULL_BODY_STATUSES.has(response.status) ||
    response.headers.get("content-length") === "0"
  ) {
    // Nothing to read, so the call ends here (openapi-fetch does not read a Content-Length: 0 body either).
    controller.dispose();
    return response;
  }

  const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
  const facts = { status: response.status, requestId };
  let mode: "buffered" | "stream" = "buffered";
  let limit = init.maxBytes;
  let finished = false;
  let failure: unknown;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let onFailure: ((error: unknown) => void) | undefined;
  let consumed = false;

  const end = () => {
    finished = true;
    controller.dispose();
  };
  const fail = (error: unknown) => {
    if (finished) return;
    failure = error;
    end();
    onFailure?.(error);
    // Cancelling releases the connection; a pending read then resolves as done and sees `failure`.
    reader?.cancel(error).catch(() => {});
  };
  controller.onEvent = (event) => {
    if (event === "abort") return fail(controller.abortError());
    const phase = mode === "stream" ? "idle" : "body";
    fail(new TimeoutError(controller.timeoutMs, init.method, redactUrl(init.url), { ...facts, phase }));
  };
  controller.continueDeadline();

  /** One chunk from the platform's stream, or the typed reason the read failed. */
  const readChunk = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    if (failure !== undefined) throw failure;
    if (!reader) {
      const source = bodyOf.call(response);
      if (!source) return { done: true, value: undefined };
      reader = source.getReader();
    }
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (failure === undefined) fail(readFailure(error, init, facts));
      throw failure;
    }
    if (failure !== undefined) throw failure;
    if (chunk.done) end();
    return chunk;
  };

  // After clone(), this side reads its own branch of the guarded stream (already typed and timed).
  let nextChunk = readChunk;

  /** The whole body, within the deadline and the size cap. */
  const readAll = async (): Promise<Uint8Array<ArrayBuffer>> => {
    if (consumed || stream?.locked || (reader === undefined && response.bodyUsed)) {
      throw new TypeError("Body is unusable: Body has already been read");
    }
    consumed = true;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { value, done } = await nextChunk();
      if (done) break;
      total += value.byteLength;
      if (limit > 0 && total > limit) {
        const tooLarge = new ResponseTooLargeError(
          { status: response.status, method: init.method, url: init.url, headers: response.headers },
          limit,
        );
        fail(tooLarge);
        throw tooLarge;
      }
      chunks.push(value);
    }
    return concatBytes(chunks, total);
  };

  // An error body that echoes the request (a proxy's 5xx page quoting the headers) loses the credentials sent
  // before anyone parses it, whoever builds the error from it. Success bodies are data and stay untouched.
  const readText = async () => {
    const text = new TextDecoder().decode(await readAll());
    return response.ok ? text : scrubString(text, init.secrets);
  };
  const contentType = () => response.headers.get("content-type") ?? "";

  let stream: ReadableStream<Uint8Array> | undefined;
  const streamOf = () => {
    stream ??= new ReadableStream<Uint8Array>(
      {
        start(c) {
          onFailure = (error) => c.error(error);
        },
        async pull(c) {
          // Reading the stream means reading at the caller's pace: from the first pull on, only the server's
          // silence times out (taking `body` alone changes nothing: a Download may take it, then call text()).
          mode = "stream";
          if (!finished) controller.armIdle();
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await readChunk();
          } catch (error) {
            try {
              c.error(error);
            } catch {
              // `fail` has already errored this stream.
            }
            return;
          }
          controller.disarm();
          if (chunk.done) c.close();
          else c.enqueue(chunk.value);
        },
        cancel(reason) {
          if (finished) return;
          end();
          return (reader ?? bodyOf.call(response))?.cancel(reason).catch(() => {});
        },
      },
      { highWaterMark: 0 },
    );
    return stream;
  };

  Object.defineProperties(response, {
    body: { configurable: true, get: streamOf },
    arrayBuffer: {
      configurable: true,
      value: async () => {
        const bytes = await readAll();
        return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes.buffer
          : bytes.slice().buffer;
      },
    },
    bytes: { configurable: true, value: readAll },
    text: { configurable: true, value: readText },
    // Response.json's SyntaxError quotes the body (a token, in a token exchange): a typed error instead.
    json: { configurable: true, value: async () => parseJsonBody(await readText(), response, context) },
    blob: { configurable: true, value: async () => new Blob([await readAll()], { type: contentType() }) },
    formData: {
      configurable: true,
      value: async () => new Response(await readAll(), { headers: { "content-type": contentType() } }).formData(),
    },
    // A clone reads the same guarded bytes (tee'd from the guarded stream).
    clone: {
      configurable: true,
      value: () => {
        if (consumed) throw new TypeError("Response.clone: Body has already been consumed.");
        const [mine, theirs] = streamOf().tee();
        stream = mine;
        // Both sides are usually buffered (throwOnError reads the clone, openapi-fetch the original).
        mode = "buffered";
        if (!finished) controller.continueDeadline();
        let branch: ReadableStreamDefaultReader<Uint8Array> | undefined;
        nextChunk = () => {
          branch ??= mine.getReader();
          return branch.read();
        };
        const copy = new Response(theirs, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        Object.defineProperty(copy, "url", { value: response.url, configurable: true });
        return copy;
      },
    },
  });
  context.limit = (max) => {
    limit = max;
  };
  return response;
}

/** A mid-body failure as a ConnectionError that says it happened after the response started. */
function readFailure(error: unknown, init: GuardInit, facts: { status: number; requestId: string | undefined }) {
  if (error instanceof DataclientsError) return error;
  return new ConnectionError(
    `${init.method} ${shortUrl(init.url)} answered ${facts.status}, but the connection failed while reading the response body: ${describeNetworkError(error, true)}`,
    init.method,
    redactUrl(init.url),
    { cause: error, ...facts },
  );
}
