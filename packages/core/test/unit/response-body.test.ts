// readBody and the buffered-read path: every fault a typed error with status, redacted URL and requestId,
// never quoting the body.
import { inspect } from "node:util";
import { bearer } from "@dataclients/auth";
import {
  AbortError,
  ApiError,
  ConnectionError,
  createFetchWrapper,
  InvalidResponseError,
  NotFoundError,
  ResponseTooLargeError,
  readBody,
  responseError,
  ServerError,
  TimeoutError,
} from "@dataclients/core";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { pacedBody, terminated } from "./support/streams.js";

const ORIGIN = "https://api.example.com";
const TOKEN = "tok-SECRET-abcdef";

function wrapperAnswering(
  answer: (i: number) => Response,
  config: { maxResponseBytes?: number; maxRetries?: number } = {},
) {
  let calls = 0;
  const w = createFetchWrapper({
    origin: ORIGIN,
    timeout: 500,
    maxRetries: config.maxRetries ?? 2,
    maxResponseBytes: config.maxResponseBytes,
    sleep: async () => {},
    auth: bearer(TOKEN),
    fetch: (async () => answer(calls++)) as typeof fetch,
  });
  return { w, calls: () => calls };
}

const json = (text: string, headers: HeadersInit = {}) =>
  new Response(text, { headers: { "content-type": "application/json", "x-request-id": "rq-1", ...headers } });

describe("readBody", () => {
  it("reads json, text and bytes", async () => {
    const { w } = wrapperAnswering(() => json('{"id":1,"name":"ação"}'));
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "json")).toEqual({ id: 1, name: "ação" });
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "text")).toBe('{"id":1,"name":"ação"}');
    const bytes = await readBody(await w.fetch(`${ORIGIN}/a`), "bytes");
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(new TextEncoder().encode('{"id":1,"name":"ação"}').byteLength);
  });

  it("invalid JSON in a 2xx is an InvalidResponseError that does not quote the body", async () => {
    const { w } = wrapperAnswering(() => json(`{"access_token":"${TOKEN}",`));
    const error = await rejection(readBody(await w.fetch(`${ORIGIN}/token?api_key=k-secret`), "json"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(ApiError);
    const invalid = error as InvalidResponseError;
    expect(invalid.reason).toBe("invalid-json");
    expect(invalid.status).toBe(200);
    expect(invalid.requestId).toBe("rq-1");
    expect(invalid.url).toBe(`${ORIGIN}/token?api_key=[REDACTED]`);
    expect(invalid.message).toBe(
      `GET ${ORIGIN}/token?api_key=[REDACTED] returned 200, but the body is not valid JSON (36 characters, Content-Type application/json)`,
    );
    const everything = [
      invalid.message,
      inspect(invalid, { depth: 10, showHidden: true }),
      JSON.stringify(invalid),
    ].join();
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("access_token");
  });

  it("an HTML page where JSON is expected says what arrived", async () => {
    const { w } = wrapperAnswering(
      () => new Response("<html>login</html>", { headers: { "content-type": "text/html; charset=utf-8" } }),
    );
    const error = (await rejection(readBody(await w.fetch(`${ORIGIN}/a`), "json"))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.reason).toBe("unexpected-content-type");
    expect(error.contentType).toBe("text/html; charset=utf-8");
    expect(error.message).toContain("JSON was expected and the body is text/html");
    expect(error.message).not.toContain("login");
  });

  it("an empty body is an error by default, undefined when the caller says the spec allows it", async () => {
    const { w } = wrapperAnswering(() => new Response(""));
    const error = (await rejection(readBody(await w.fetch(`${ORIGIN}/a`), "json"))) as InvalidResponseError;
    expect(error.reason).toBe("empty");
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "json", { empty: "undefined" })).toBeUndefined();
    const noContent = wrapperAnswering(() => new Response(null, { status: 204 })).w;
    expect(await readBody(await noContent.fetch(`${ORIGIN}/a`), "json", { empty: "undefined" })).toBeUndefined();
  });

  it("null, a list or a number where an object is expected is an InvalidResponseError naming the shape", async () => {
    for (const [text, kind] of [
      ["null", "null"],
      ["[1]", "an array"],
      ["42", "a number"],
    ] as const) {
      const { w } = wrapperAnswering(() => json(text));
      const error = (await rejection(
        readBody(await w.fetch(`${ORIGIN}/a`), "json", { expect: "object" }),
      )) as InvalidResponseError;
      expect(error.reason).toBe("unexpected-type");
      expect(error.message).toContain(`a JSON object was expected and it is ${kind}`);
    }
    const { w } = wrapperAnswering(() => json("null"));
    expect(await readBody(await w.fetch(`${ORIGIN}/a`), "json")).toBeNull();
  });

  it("a body past maxResponseBytes is a ResponseTooLargeError (client option and per-read maxBytes)", async () => {
    const big = "x".repeat(2_000);
    const client = wrapperAnswering(() => new Response(big), { maxResponseBytes: 1_000 }).w;
    const error = (await rejection(readBody(await client.fetch(`${ORIGIN}/big`), "text"))) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limitBytes).toBe(1_000);
    expect(error.status).toBe(200);
    expect(error.message).toContain("larger than 1000 bytes (`maxResponseBytes`)");

    const perRead = wrapperAnswering(() => new Response(big)).w;
    expect(await rejection(readBody(await perRead.fetch(`${ORIGIN}/big`), "text", { maxBytes: 100 }))).toBeInstanceOf(
      ResponseTooLargeError,
    );
    const unlimited = wrapperAnswering(() => new Response(big), { maxResponseBytes: 0 }).w;
    expect(await readBody(await unlimited.fetch(`${ORIGIN}/big`), "text")).toHaveLength(2_000);
  });

  it("caps error bodies too, and leaves streams unbounded", async () => {
    const big = "e".repeat(5_000);
    const { w } = wrapperAnswering(() => new Response(big, { status: 404 }), { maxResponseBytes: 1_000 });
    const api = createClient<Record<string, never>>({ baseUrl: ORIGIN, fetch: w.fetch as typeof fetch });
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    const error = await rejection((api as any).GET("/missing"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).status).toBe(404);

    const stream = (await w.fetch(`${ORIGIN}/missing`)).body as ReadableStream<Uint8Array>;
    expect(await new Response(stream).text()).toHaveLength(5_000);
  });

  it("a reset mid-body is a ConnectionError with the status; a timeout a TimeoutError; an abort an AbortError", async () => {
    const cut = wrapperAnswering(() => new Response(pacedBody(['{"a":'], 0, terminated()), { status: 200 })).w;
    const reset = (await rejection(readBody(await cut.fetch(`${ORIGIN}/a`), "json"))) as ConnectionError;
    expect(reset).toBeInstanceOf(ConnectionError);
    expect(reset.status).toBe(200);

    const slow = wrapperAnswering(() => new Response(pacedBody(["{"], 0, "stall"))).w;
    const timeout = (await rejection(readBody(await slow.fetch(`${ORIGIN}/a`), "json"))) as TimeoutError;
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout.phase).toBe("body");

    const controller = new AbortController();
    const response = await slow.withOptions({ signal: controller.signal })(`${ORIGIN}/a`);
    setTimeout(() => controller.abort("enough"), 5);
    const aborted = await rejection(readBody(response, "json"));
    expect(aborted).toBeInstanceOf(AbortError);
    expect(aborted.cause).toBe("enough");
  });

  it("works on a response that did not come through the wrapper", async () => {
    expect(await readBody(new Response('{"x":1}'), "json")).toEqual({ x: 1 });
    const error = (await rejection(readBody(new Response("nope"), "json"))) as InvalidResponseError;
    expect(error.method).toBe("REQUEST");
    expect(await rejection(readBody(new Response("x".repeat(50)), "text", { maxBytes: 10 }))).toBeInstanceOf(
      ResponseTooLargeError,
    );
  });
});

describe("the wrapper's json() (what openapi-fetch calls when Content-Length is set)", () => {
  it("throws InvalidResponseError, not a SyntaxError quoting the token", async () => {
    const body = `{"access_token":"${TOKEN}"`;
    const { w } = wrapperAnswering(() => json(body, { "content-length": String(body.length) }));
    const api = createClient<Record<string, never>>({ baseUrl: ORIGIN, fetch: w.fetch as typeof fetch });
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    const error = await rejection((api as any).POST("/oauth/token", { body: {} }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });
});

describe("responseError", () => {
  it("builds the status's ApiError with the body parsed and the sent credential scrubbed", async () => {
    const echo = JSON.stringify({ message: "bad gateway", request: { headers: { authorization: `Bearer ${TOKEN}` } } });
    const { w } = wrapperAnswering(() => new Response(echo, { status: 502, headers: { "x-request-id": "rq-5" } }));
    const error = (await responseError(await w.withOptions({ maxRetries: 0 })(`${ORIGIN}/a`))) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.requestId).toBe("rq-5");
    expect(JSON.stringify(error.body)).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });
});

describe("fetchAndRead", () => {
  it("retries an idempotent GET whose body broke off mid-way, within maxRetries", async () => {
    const { w, calls } = wrapperAnswering((i) =>
      i < 2 ? new Response(pacedBody(['{"a":'], 0, terminated())) : json('{"a":1}'),
    );
    const { data, response } = await w.fetchAndRead(`${ORIGIN}/a`, undefined, "json");
    expect(data).toEqual({ a: 1 });
    expect(response.status).toBe(200);
    expect(calls()).toBe(3);
  });

  it("shares the budget with status retries, then surfaces the ConnectionError", async () => {
    const { w, calls } = wrapperAnswering((i) =>
      i === 0 ? new Response(null, { status: 503 }) : new Response(pacedBody(["{"], 0, terminated())),
    );
    const error = await rejection(w.fetchAndRead(`${ORIGIN}/a`, undefined, "json"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls()).toBe(3);
  });

  it("does not re-send a POST whose body broke off", async () => {
    const { w, calls } = wrapperAnswering(() => new Response(pacedBody(["{"], 0, terminated())));
    expect(await rejection(w.fetchAndRead(`${ORIGIN}/a`, { method: "POST", body: "{}" }, "json"))).toBeInstanceOf(
      ConnectionError,
    );
    expect(calls()).toBe(1);
  });

  it("throws the typed ApiError for a non-2xx answer", async () => {
    const notFound = wrapperAnswering(() => new Response('{"message":"nope"}', { status: 404 })).w;
    const error = await rejection(notFound.fetchAndRead(`${ORIGIN}/a`, undefined, "json"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(`GET ${ORIGIN}/a failed with 404: nope`);
  });
});
