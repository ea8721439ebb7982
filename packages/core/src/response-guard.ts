// The body of a response the wrapper returns is wrapped, so the call's timer and caller signals keep
// applying after the headers: a buffered read (text, json, arrayBuffer, … and openapi-fetch's parsing) must
// finish within the attempt's `timeout`; once the caller takes `response.body` as a stream, the limit turns
// into an idle timeout (no chunk for `timeout` ms). Either way a fault arrives as a typed error (TimeoutError,
// AbortError, ConnectionError, ResponseTooLargeError), never as a bare "TypeError: terminated".
import type { CallController } from "./call-controller.js";
import { ConnectionError, DataclientsError, ResponseTooLargeError, TimeoutError } from "./errors.js";
import { parseJsonBody } from "./json-body.js";
import { describeNetworkError } from "./network-error.js";
import { redactUrl, scrubString, shortUrl } from "./redact.js";
import { type ResponseContext, recordResponse } from "./response-info.js";

// Statuses that never carry a body (the Response constructor rejects one for them).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export interface GuardInit {
  controller: CallController;
  method: string;
  url: string;
  secrets: readonly string[];
  maxBytes: number;
  retries: number;
}

/** The response to hand to the caller, its body under the call's controller; records its context. */
export function guardResponse(response: Response, init: GuardInit): Response {
  const { controller } = init;
  const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
  const context: ResponseContext = {
    method: init.method,
    url: init.url,
    secrets: init.secrets,
    maxBytes: init.maxBytes,
    retries: init.retries,
  };
  const source = response.body;
  if (
    source === null ||
    init.method === "HEAD" ||
    NULL_BODY_STATUSES.has(response.status) ||
    response.headers.get("content-length") === "0"
  ) {
    // Nothing to read, so the call ends here (openapi-fetch does not read a Content-Length: 0 body either).
    controller.dispose();
    if (source !== null) source.cancel().catch(() => {});
    const empty = source === null ? response : rebuild(response, null, init.url);
    recordResponse(empty, context);
    return empty;
  }

  const reader = source.getReader();
  let mode: "buffered" | "stream" = "buffered";
  let limit = init.maxBytes;
  let received = 0;
  let finished = false;
  let output!: ReadableStreamDefaultController<Uint8Array>;
  const facts = { status: response.status, requestId };

  const fail = (error: unknown) => {
    if (finished) return;
    finished = true;
    controller.dispose();
    output.error(error);
    reader.cancel(error).catch(() => {});
  };
  controller.onEvent = (event) => {
    if (event === "abort") return fail(controller.abortError());
    fail(
      new TimeoutError(controller.timeoutMs, init.method, redactUrl(init.url), {
        ...facts,
        phase: mode === "stream" ? "idle" : "body",
      }),
    );
  };
  controller.continueDeadline();

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        output = c;
      },
      async pull(c) {
        if (finished) return;
        if (mode === "stream") controller.armIdle();
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          return fail(readFailure(error, init, facts));
        }
        if (finished) return;
        if (mode === "stream") controller.disarm();
        if (chunk.done) {
          finished = true;
          controller.dispose();
          return c.close();
        }
        received += chunk.value.byteLength;
        if (mode === "buffered" && limit > 0 && received > limit) {
          return fail(
            new ResponseTooLargeError(
              { status: response.status, method: init.method, url: init.url, headers: response.headers },
              limit,
            ),
          );
        }
        c.enqueue(chunk.value);
      },
      cancel(reason) {
        if (finished) return;
        finished = true;
        controller.dispose();
        return reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );

  const guarded = rebuild(response, body, init.url);
  // An error body that echoes the request (a proxy's 5xx page quoting the headers) loses the credentials sent
  // before anyone parses it, whoever builds the error from it. Success bodies are data and stay untouched.
  const readText = async () => {
    const text: string = await Response.prototype.text.call(guarded);
    return response.ok ? text : scrubString(text, init.secrets);
  };
  const bodyGetter = Object.getOwnPropertyDescriptor(Response.prototype, "body")?.get;
  Object.defineProperties(guarded, {
    // Taking the stream means reading at the caller's pace: from now on only silence times out.
    body: {
      configurable: true,
      get() {
        if (mode === "buffered" && !finished) {
          mode = "stream";
          controller.disarm();
        }
        return bodyGetter?.call(guarded) ?? body;
      },
    },
    // Response.json's SyntaxError quotes the body (a token, in a token exchange): a typed error instead.
    json: {
      configurable: true,
      value: async () => parseJsonBody(await readText(), guarded, context),
    },
  });
  if (!response.ok && init.secrets.length > 0) {
    Object.defineProperty(guarded, "text", { configurable: true, value: readText });
  }
  context.limit = (max) => {
    limit = max;
  };
  recordResponse(guarded, context);
  return guarded;
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

function rebuild(response: Response, body: ReadableStream<Uint8Array> | null, url: string): Response {
  const rebuilt = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // The platform sets url only on fetched responses; callers and openapi-fetch still read it.
  Object.defineProperty(rebuilt, "url", { value: url, configurable: true });
  return rebuilt;
}
