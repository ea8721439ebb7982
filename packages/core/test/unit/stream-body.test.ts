// Stream request bodies are sent once, as streams: duplex "half", redirect "error", never read into memory,
// never retried or replayed. Replayable bodies keep being retried.
import { bearer } from "@dataclients/auth";
import { ConnectionError, createFetchWrapper, DataclientsRequest } from "@dataclients/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./support/recording-fetch.js";

const ORIGIN = "https://api.example.com";

interface Seen {
  init: RequestInit;
  bodyType: string;
}

/** A fetch that records what it was given (without reading the body) and answers from `statuses`. */
function inspectingFetch(statuses: number[], extra: (i: number) => HeadersInit = () => ({})) {
  const seen: Seen[] = [];
  const fetch = (async (_url: unknown, init: RequestInit) => {
    const body = init.body;
    seen.push({
      init,
      bodyType: body instanceof ReadableStream ? "stream" : body === null ? "none" : (body?.constructor.name ?? "none"),
    });
    // Consume a stream body the way the network would, so the test sees what was sent.
    if (body instanceof ReadableStream) await new Response(body).arrayBuffer();
    const status = statuses[seen.length - 1] ?? 200;
    return new Response(status === 204 ? null : "ok", { status, headers: extra(seen.length - 1) });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

function streamOf(...parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pulls = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[pulls++];
      if (part === undefined) controller.close();
      else controller.enqueue(encoder.encode(part));
    },
  });
}

async function* generate(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

function wrapper(fetch: typeof globalThis.fetch, maxRetries = 2) {
  return createFetchWrapper({ origin: ORIGIN, fetch, timeout: 2_000, maxRetries, sleep: async () => {} });
}

describe("stream request bodies", () => {
  it("a ReadableStream in init goes out as the same stream, duplex half, redirect error", async () => {
    const { fetch, seen } = inspectingFetch([200]);
    const body = streamOf("a", "b");
    await wrapper(fetch).fetch(`${ORIGIN}/upload`, { method: "PUT", body, duplex: "half" } as RequestInit);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.init.body).toBe(body);
    expect((seen[0]?.init as { duplex?: string } | undefined)?.duplex).toBe("half");
    expect(seen[0]?.init.redirect).toBe("error");
  });

  it("is not read before it is sent (nothing buffered by the wrapper)", async () => {
    let pulled = 0;
    // highWaterMark 0: the stream itself pulls nothing until someone reads.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    let pulledAtSend = -1;
    const w = wrapper((async (_u: unknown, init: RequestInit) => {
      pulledAtSend = pulled;
      await new Response(init.body).arrayBuffer();
      return new Response("ok");
    }) as typeof fetch);
    await w.fetch(`${ORIGIN}/upload`, { method: "PUT", body, duplex: "half" } as RequestInit);
    expect(pulledAtSend).toBe(0);
  });

  it("an AsyncIterable<Uint8Array> is sent as a stream", async () => {
    const chunks: string[] = [];
    const w = wrapper((async (_u: unknown, init: RequestInit) => {
      expect(init.body).toBeInstanceOf(ReadableStream);
      chunks.push(await new Response(init.body).text());
      return new Response("ok");
    }) as typeof fetch);
    await w.fetch(`${ORIGIN}/upload`, { method: "POST", body: generate("x", "y", "z") as unknown as BodyInit });
    expect(chunks).toEqual(["xyz"]);
  });

  // Only Node 20's undici shows a plain Request's body source; elsewhere (Node 24, Deno, Bun) a DataclientsRequest
  // (what `client.api` builds) or a body given in init is how a stream is recognised.
  const undiciInternalsVisible = Object.getOwnPropertySymbols(new Request("http://x/")).length > 0;

  it.skipIf(!undiciInternalsVisible)(
    "a Request built with a stream body is sent as that stream (Node 20)",
    async () => {
      const { fetch, seen } = inspectingFetch([200]);
      const request = new Request(`${ORIGIN}/upload`, {
        method: "PUT",
        body: streamOf("q"),
        duplex: "half",
      } as RequestInit);
      await wrapper(fetch).fetch(request);
      expect(seen[0]?.bodyType).toBe("stream");
      expect(seen[0]?.init.redirect).toBe("error");
    },
  );

  it("a DataclientsRequest remembers its body on every runtime, and takes an AsyncIterable", async () => {
    const { fetch, seen } = inspectingFetch([200, 200]);
    await wrapper(fetch).fetch(new DataclientsRequest(`${ORIGIN}/u`, { method: "PUT", body: generate("a") }));
    await wrapper(fetch).fetch(new DataclientsRequest(`${ORIGIN}/u`, { method: "PUT", body: "text" }));
    expect(seen.map((s) => s.bodyType)).toEqual(["stream", "String"]);
  });

  it.each([503, 502, 429])("is never retried, even for an idempotent PUT answered %i", async (status) => {
    const { fetch, seen } = inspectingFetch([status, 200]);
    const response = await wrapper(fetch).fetch(`${ORIGIN}/upload`, {
      method: "PUT",
      body: streamOf("a"),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(status);
    expect(seen).toHaveLength(1);
  });

  it("is not replayed after a 401 (the 401 is returned)", async () => {
    let n = 0;
    const { fetch, seen } = inspectingFetch([401, 200]);
    const w = createFetchWrapper({
      origin: ORIGIN,
      fetch,
      auth: bearer(() => `t${++n}`),
      timeout: 1_000,
      maxRetries: 2,
    });
    const response = await w.fetch(`${ORIGIN}/upload`, {
      method: "PUT",
      body: streamOf("a"),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it("stops at a redirect with a ConnectionError that says why (a fetch that returned the 307)", async () => {
    const { fetch, seen } = inspectingFetch([307], () => ({ location: "/elsewhere" }));
    const error = await wrapper(fetch)
      .fetch(`${ORIGIN}/upload`, { method: "PUT", body: streamOf("a"), duplex: "half" } as RequestInit)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("a streamed request body is sent once and never replayed");
    expect(seen).toHaveLength(1);
  });

  it("a connection error is not retried either", async () => {
    let calls = 0;
    const w = wrapper((async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch);
    const error = await w
      .fetch(`${ORIGIN}/upload`, { method: "PUT", body: streamOf("a"), duplex: "half" } as RequestInit)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(1);
  });
});

describe("replayable bodies", () => {
  it.each([
    ["string", () => "text body"],
    ["Uint8Array", () => new Uint8Array([1, 2, 3])],
    ["ArrayBuffer", () => new Uint8Array([4, 5]).buffer],
    ["Blob", () => new Blob(["blob body"])],
    ["URLSearchParams", () => new URLSearchParams({ a: "1" })],
    ["FormData", () => formData()],
  ])("%s is retried on 503 with the same bytes", async (_name, make) => {
    const sent: string[] = [];
    const statuses = [503, 200];
    const w = wrapper((async (_u: unknown, init: RequestInit) => {
      const request = new Request(ORIGIN, { method: "PUT", body: init.body, headers: init.headers });
      sent.push(await request.text());
      return new Response("ok", { status: statuses[sent.length - 1] });
    }) as typeof fetch);
    const response = await w.fetch(`${ORIGIN}/put`, { method: "PUT", body: make() as BodyInit });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    // FormData gets a fresh multipart boundary per attempt; the content is the same.
    const unbounded = sent.map((s) => s.replace(/formdata-undici-\d+/g, "boundary"));
    expect(unbounded[1]).toBe(unbounded[0]);
    expect(sent[0]?.length).toBeGreaterThan(0);
  });
});

function formData(): FormData {
  const form = new FormData();
  form.set("field", "value");
  return form;
}

describe("against a real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url === "/redirect") {
        response.writeHead(307, { location: "/final" });
        return response.end();
      }
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`got ${request.body.length} bytes`);
    });
  });
  afterAll(() => server.close());

  it("streams an upload (chunked, no content-length)", async () => {
    const w = createFetchWrapper({ origin: server.origin, timeout: 5_000, maxRetries: 2 });
    const response = await w.fetch(`${server.origin}/upload`, {
      method: "PUT",
      body: streamOf("a".repeat(1000), "b".repeat(1000)),
      duplex: "half",
    } as RequestInit);
    expect(await response.text()).toBe("got 2000 bytes");
    const seen = server.requests.at(-1);
    expect(seen?.headers["transfer-encoding"]).toBe("chunked");
  });

  it("refuses to follow a redirect with a stream body (redirect: error), with a clear ConnectionError", async () => {
    const w = createFetchWrapper({ origin: server.origin, timeout: 5_000, maxRetries: 2 });
    const before = server.requests.length;
    const error = await w
      .fetch(`${server.origin}/redirect`, { method: "PUT", body: streamOf("abc"), duplex: "half" } as RequestInit)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("was redirected, and a streamed request body is sent once");
    expect(server.requests.length - before).toBe(1);
  });
});
