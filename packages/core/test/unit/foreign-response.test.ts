// A fetch that answers with another implementation's Response (npm undici's fetch with a dispatcher or a proxy
// agent, a polyfill, another realm): the wrapper re-wraps it as a platform Response around the same body, so the
// guard, the typed errors, `api` and generated reads work as they do with the platform's fetch.
import { createApiClient, createFetchWrapper, NotFoundError, readBody, TimeoutError } from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { pacedBody } from "./support/streams.js";

const ORIGIN = "https://api.example.com";

/** A Response look-alike that is not the platform's class (what a polyfill or npm undici hands back). */
class ForeignResponse {
  readonly statusText = "";
  readonly url: string;
  readonly headers: Headers;
  readonly #body: ReadableStream<Uint8Array> | { pipe(): void } | null;
  bodyUsed = false;

  constructor(
    body: string | ReadableStream<Uint8Array> | { pipe(): void } | null,
    readonly status = 200,
    headers: Record<string, string> = { "content-type": "application/json" },
    url = `${ORIGIN}/a`,
  ) {
    this.#body = typeof body === "string" ? new Blob([body]).stream() : body;
    this.headers = new Headers(headers);
    this.url = url;
  }

  get ok() {
    return this.status >= 200 && this.status < 300;
  }

  get body() {
    return this.#body;
  }

  async arrayBuffer() {
    this.bodyUsed = true;
    return new TextEncoder().encode('{"from":"arrayBuffer"}').buffer;
  }
}

function wrapperAnswering(answer: () => ForeignResponse, timeout = 2_000) {
  return createFetchWrapper({
    origin: ORIGIN,
    timeout,
    maxRetries: 0,
    fetch: (async () => answer()) as unknown as typeof fetch,
  });
}

describe("a fetch that answers with another implementation's Response", () => {
  it("is read through the guard: data, headers and url as sent, and a platform Response to the caller", async () => {
    const w = wrapperAnswering(
      () => new ForeignResponse('{"id":7}', 200, { "content-type": "application/json", "x-request-id": "rq-7" }),
    );
    const response = await w.fetch(`${ORIGIN}/a`);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.headers.get("x-request-id"), response.url]).toEqual([200, "rq-7", `${ORIGIN}/a`]);
    expect(await response.json()).toEqual({ id: 7 });
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "json")).toEqual({ id: 7 });
  });

  it("works through openapi-fetch (`api.GET`), errors included", async () => {
    let status = 200;
    const fetch = (async () =>
      new ForeignResponse(
        status === 200 ? '{"id":7}' : '{"message":"404 Not found"}',
        status,
      )) as unknown as typeof globalThis.fetch;
    const client = createApiClient<Record<string, never>>(
      { baseUrl: ORIGIN, fetch, maxRetries: 0 },
      { name: "Foreign" },
    );
    const get = client.api.GET as unknown as (path: string) => Promise<{ data?: unknown; error?: unknown }>;
    expect(await get("/a")).toMatchObject({ data: { id: 7 } });
    status = 404;
    expect(await get("/a")).toMatchObject({ error: { message: "404 Not found" } });
    const reader = client.readerFor({});
    const error = await rejection(reader(`${ORIGIN}/a`, undefined, "json"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({ message: "404 Not found" });
  });

  it("a body without a web stream (a Node stream) is read with the response's own reader; a 204 has none", async () => {
    const w = wrapperAnswering(() => new ForeignResponse({ pipe() {} }));
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "json")).toEqual({ from: "arrayBuffer" });
    const empty = await wrapperAnswering(() => new ForeignResponse(null, 204)).fetch(`${ORIGIN}/a`);
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it("a body that stalls still times out", async () => {
    const w = wrapperAnswering(() => new ForeignResponse(pacedBody(["{"], 10, "stall")), 200);
    const error = await rejection(w.fetch(`${ORIGIN}/a`).then((r) => r.text()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe("body");
  }, 10_000);
});
