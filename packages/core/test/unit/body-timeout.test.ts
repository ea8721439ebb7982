// The call's timer and caller signal keep applying to the response body (see call-controller.ts).
import { getEventListeners } from "node:events";
import { AbortError, ConnectionError, createFetchWrapper, TimeoutError } from "@dataclients/core";
import { afterEach, describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { pacedBody, terminated } from "./support/streams.js";

const ORIGIN = "https://api.example.com";

function wrapperWith(body: () => BodyInit | null, timeout = 100, headers: HeadersInit = {}) {
  return createFetchWrapper({
    origin: ORIGIN,
    timeout,
    maxRetries: 0,
    fetch: (async () => new Response(body(), { headers })) as typeof fetch,
  });
}

const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
process.on("warning", onWarning);
afterEach(() => {
  warnings.length = 0;
});

describe("buffered reads: the timeout covers the whole response", () => {
  it("a body that stalls after the headers fails with TimeoutError (phase body) instead of hanging", async () => {
    const w = wrapperWith(() => pacedBody(['{"a":'], 0, "stall"), 60, { "x-request-id": "rq-7" });
    const response = await w.fetch(`${ORIGIN}/stall?private_token=pt-secret`);
    expect(response.status).toBe(200);
    const started = Date.now();
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    const timeout = error as TimeoutError;
    expect(timeout.phase).toBe("body");
    expect(timeout.status).toBe(200);
    expect(timeout.requestId).toBe("rq-7");
    expect(timeout.url).toBe(`${ORIGIN}/stall?private_token=[REDACTED]`);
    expect(timeout.message).toContain("timed out after 60 ms while reading the response body (status 200)");
    expect(timeout.message).not.toContain("pt-secret");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a body that trickles past the timeout fails, though every chunk came quickly", async () => {
    const w = wrapperWith(() => pacedBody(Array(20).fill("x"), 20), 100);
    const error = await (await w.fetch(`${ORIGIN}/trickle`)).text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe("body");
  });

  it("a clone (throwOnError reads one) is timed too, and both sides see the same bytes", async () => {
    const stalled = wrapperWith(() => pacedBody(["{"], 0, "stall"), 50);
    const clone = (await stalled.fetch(`${ORIGIN}/x`)).clone();
    expect((await rejection(clone.text(), TimeoutError)).phase).toBe("body");

    const fine = wrapperWith(() => pacedBody(['{"a":', "1}"], 2), 1000);
    const response = await fine.fetch(`${ORIGIN}/x`);
    const copy = response.clone();
    expect(await copy.text()).toBe('{"a":1}');
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("taking response.body and then calling text() keeps the whole-response deadline (a trickle fails)", async () => {
    const w = wrapperWith(() => pacedBody(Array(20).fill("x"), 20), 100);
    const response = await w.fetch(`${ORIGIN}/download`);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe("body");
  });

  it("a body that arrives in time is read whole", async () => {
    const w = wrapperWith(() => pacedBody(["he", "llo"], 5), 1000);
    expect(await (await w.fetch(`${ORIGIN}/ok`)).text()).toBe("hello");
  });

  it("a reset mid-body is a ConnectionError that says the response had started", async () => {
    const w = wrapperWith(() => pacedBody(["par"], 0, terminated()), 1000, { "x-request-id": "rq-9" });
    const error = await (await w.fetch(`${ORIGIN}/cut`)).arrayBuffer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const connection = error as ConnectionError;
    expect(connection.status).toBe(200);
    expect(connection.requestId).toBe("rq-9");
    expect(connection.message).toBe(
      `GET ${ORIGIN}/cut answered 200, but the connection failed while reading the response body: the connection was closed or reset before the whole body arrived (UND_ERR_SOCKET)`,
    );
    expect(connection.message).not.toContain("could not connect");
  });
});

describe("a returned stream gets an idle timeout", () => {
  it("chunks that keep coming are read to the end, even past the total timeout", async () => {
    const w = wrapperWith(() => pacedBody(Array(8).fill("x"), 25), 100);
    const response = await w.fetch(`${ORIGIN}/log`);
    const text = await new Response(response.body).text();
    expect(text).toBe("xxxxxxxx");
  });

  it("a stream that goes silent fails with TimeoutError (phase idle)", async () => {
    const w = wrapperWith(() => pacedBody(["a", "b"], 5, "stall"), 50);
    const response = await w.fetch(`${ORIGIN}/log`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    expect((await reader.read()).done).toBe(false);
    const error = await reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe("idle");
  });

  it("a slow consumer is not timed out: only the server's silence counts", async () => {
    const w = wrapperWith(() => pacedBody(["a", "b", "c"], 1), 40);
    const reader = ((await w.fetch(`${ORIGIN}/log`)).body as ReadableStream<Uint8Array>).getReader();
    const seen: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen.push(new TextDecoder().decode(value));
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    expect(seen.join("")).toBe("abc");
  });
});

describe("the caller's signal during the body", () => {
  it("an abort while the body is read rejects with AbortError carrying the reason", async () => {
    const controller = new AbortController();
    const w = wrapperWith(() => pacedBody(["a"], 0, "stall"), 60_000);
    const response = await w.withOptions({ signal: controller.signal })(`${ORIGIN}/x`);
    setTimeout(() => controller.abort(new Error("user left")), 10);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as AbortError).cause as Error).message).toBe("user left");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("2×1,000 calls sharing one signal add at most one listener, print no warning and leave none behind", async () => {
    const shared = new AbortController();
    const w = createFetchWrapper({
      origin: ORIGIN,
      timeout: 5_000,
      maxRetries: 0,
      fetch: (async () => new Response('{"ok":true}')) as typeof fetch,
    });
    const call = w.withOptions({ signal: shared.signal });
    for (let round = 0; round < 2; round++) {
      const responses = await Promise.all(Array.from({ length: 1000 }, (_, i) => call(`${ORIGIN}/item/${i}`)));
      expect(getEventListeners(shared.signal, "abort").length).toBeLessThanOrEqual(1);
      const bodies = await Promise.all(responses.map((r) => r.json()));
      expect(bodies.every((b) => (b as { ok: boolean }).ok)).toBe(true);
      expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
    }
    // Through a Request too (openapi-fetch's way), with the signal on the Request.
    await Promise.all(
      Array.from({ length: 1000 }, async () =>
        (await w.fetch(new Request(`${ORIGIN}/r`, { signal: shared.signal }))).text(),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  }, 60_000);

  it("a response without a body ends the call at once", async () => {
    const shared = new AbortController();
    const w = createFetchWrapper({
      origin: ORIGIN,
      timeout: 5_000,
      maxRetries: 0,
      fetch: (async () => new Response(null, { status: 204 })) as typeof fetch,
    });
    const response = await w.withOptions({ signal: shared.signal })(`${ORIGIN}/x`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
  });

  it("a cancelled stream ends the call", async () => {
    const shared = new AbortController();
    const w = wrapperWith(() => pacedBody(["a", "b"], 1, "stall"), 5_000);
    const response = await w.withOptions({ signal: shared.signal })(`${ORIGIN}/x`);
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(1);
    await response.body?.cancel();
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
  });
});
