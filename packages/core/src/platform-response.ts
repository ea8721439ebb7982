// An injected fetch may answer with another implementation's Response: npm undici's (a fetch with a dispatcher or a
// proxy agent), a polyfill's, another realm's. Its getters and readers work only on its own objects, while the body
// guard reads and swaps the readers of the platform's. Such an answer is re-wrapped as a platform Response around
// the same body stream (nothing is copied; a body that is not a web stream is read into memory first).

/** Statuses whose Response cannot carry a body (the Response constructor rejects one for them). */
export const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** What the wrapper reads of any fetch's answer. */
type ResponseLike = Pick<Response, "status" | "statusText" | "headers" | "url" | "body" | "arrayBuffer">;

/** `response` itself when it is the platform's Response, else a platform Response with its status, headers and body. */
export async function asPlatformResponse(response: ResponseLike): Promise<Response> {
  if (response instanceof Response) return response;
  // Status 0 (an opaque answer) cannot be rebuilt; nothing reads such a body anyway.
  if (response.status === 0) return response as Response;
  const wrapped = new Response(NULL_BODY_STATUSES.has(response.status) ? null : await bodyOf(response), {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers as HeadersInit),
  });
  Object.defineProperty(wrapped, "url", { value: response.url, configurable: true });
  return wrapped;
}

async function bodyOf(response: ResponseLike): Promise<BodyInit | null> {
  const body = response.body as unknown;
  if (body === null || body === undefined) return null;
  if (body instanceof ReadableStream) return body;
  // A web stream of another realm is read through its own reader, chunk by chunk.
  if (typeof (body as ReadableStream).getReader === "function") return fromForeignStream(body as ReadableStream);
  // A Node stream (node-fetch) or anything else: its own reader buffers it.
  return new Uint8Array(await response.arrayBuffer());
}

function fromForeignStream(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
