// Files and tables on the wire: every body type the helpers accept, the content type each gets, a stream sent as a
// stream (pulled while sending, duplex "half", never retried), and answers as the vendor sends them.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
// InvalidResponseError is core's (not re-exported by the packages); the fault matrix imports it the same way.
import { InvalidResponseError } from "../../../core/src/errors.js";
import { ConnectionError } from "../../src/index.js";
import { client, decode, fakeDatagrok, IDENTIFIERS, json } from "./fake-datagrok.js";

const CSV = "region,product,sales\nNorth,Widget,1200\nSouth,Gadget,860\n";
const bytes = (text: string) => new TextEncoder().encode(text);

/** An AsyncIterable that records how many chunks were taken from it, and when. */
function counted(chunks: string[]) {
  const state = { pulled: 0 };
  async function* generate() {
    for (const chunk of chunks) {
      state.pulled++;
      yield bytes(chunk);
    }
  }
  return { iterable: generate(), state };
}

describe("uploadFile", () => {
  const bodies: Array<[string, () => unknown]> = [
    ["a string", () => CSV],
    ["a Uint8Array", () => bytes(CSV)],
    ["an ArrayBuffer", () => bytes(CSV).buffer],
    ["a Blob", () => new Blob([CSV])],
    ["a web ReadableStream", () => new Blob([CSV]).stream()],
    ["an AsyncIterable<Uint8Array>", () => counted([CSV.slice(0, 10), CSV.slice(10)]).iterable],
    ["a Node Readable", () => Readable.from([Buffer.from(CSV.slice(0, 7)), Buffer.from(CSV.slice(7))])],
  ];

  it.each(bodies)("sends %s as application/octet-stream, byte for byte", async (_kind, body) => {
    const fake = fakeDatagrok(() => new Response(null, { status: 204 }));
    const result = await client(fake.fetch).uploadFile("System:DemoFiles", "demo/sales.csv", body() as string);
    expect(result).toBeUndefined();
    const [sent] = fake.requests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/public/v1/files/System.DemoFiles/demo/sales.csv");
    expect(sent?.headers.get("content-type")).toBe("application/octet-stream");
    expect(sent?.body).toBe(CSV);
  });

  it("takes the caller's content type from the per-call headers", async () => {
    const fake = fakeDatagrok(() => new Response(null, { status: 204 }));
    await client(fake.fetch).uploadFile("System:DemoFiles", "sales.csv", CSV, {
      headers: { "Content-Type": "text/csv" },
    });
    expect(fake.requests[0]?.headers.get("content-type")).toBe("text/csv");
  });

  it("sends a stream as a stream: pulled while sending, duplex half, redirects refused", async () => {
    const { iterable, state } = counted(["a,b\n", "1,2\n", "3,4\n"]);
    let pulledWhenFetchWasCalled = -1;
    const fake = fakeDatagrok(() => new Response(null, { status: 204 }));
    const spy: typeof globalThis.fetch = (input, init) => {
      pulledWhenFetchWasCalled = state.pulled;
      return fake.fetch(input, init);
    };
    await client(spy).uploadFile("System:DemoFiles", "big.csv", iterable);
    // Nothing was read ahead of the request: the body was not buffered before sending.
    expect(pulledWhenFetchWasCalled).toBe(0);
    expect(state.pulled).toBe(3);
    const [sent] = fake.requests;
    expect(sent?.streamed).toBe(true);
    expect(sent?.init.duplex).toBe("half");
    expect(sent?.init.redirect).toBe("error");
    expect(sent?.body).toBe("a,b\n1,2\n3,4\n");
  });

  it("never retries a stream (it cannot be replayed), while a string body is re-sent after a refused connection", async () => {
    const refused = () =>
      Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }));
    let attempts = 0;
    const failing: typeof globalThis.fetch = () => {
      attempts++;
      return refused();
    };
    const grok = client(failing, { maxRetries: 1 });
    await expect(grok.uploadFile("System:DemoFiles", "a.csv", counted(["x"]).iterable)).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(grok.uploadFile("System:DemoFiles", "a.csv", "x")).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(2);
  });

  it("refuses a body it cannot send, before any request", async () => {
    const fake = fakeDatagrok();
    await expect(
      client(fake.fetch).uploadFile("System:DemoFiles", "a.csv", { rows: [] } as unknown as string),
    ).rejects.toThrow(
      "this body is sent as is; pass a string, Uint8Array, ArrayBuffer, Blob, ReadableStream or AsyncIterable<Uint8Array>",
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe("downloadFile", () => {
  it("returns a Download that streams the file's bytes", async () => {
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    const fake = fakeDatagrok(
      () => new Response(payload, { headers: { "content-type": "application/octet-stream", "content-length": "5" } }),
    );
    const download = await client(fake.fetch).downloadFile("System:DemoFiles", "bin/data.bin");
    expect(download.size).toBe(5);
    expect(download.contentType).toBe("application/octet-stream");
    expect([...(await download.bytes())]).toEqual([...payload]);
  });

  it("takes any content type the server labels the file with", async () => {
    const fake = fakeDatagrok(() => new Response(CSV, { headers: { "content-type": "text/csv" } }));
    const download = await client(fake.fetch).downloadFile("System:DemoFiles", "sales.csv");
    expect(await download.text()).toBe(CSV);
  });
});

describe("tables", () => {
  it("uploadTable sends text/csv and returns the identifiers as the vendor sends them", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    const ids = await client(fake.fetch).uploadTable("Demo:Sales", CSV);
    expect(ids).toEqual(IDENTIFIERS);
    expect(ids.ID).toBe(IDENTIFIERS.ID);
    expect(ids["Grok name"]).toBe("Demo.Sales");
    const [sent] = fake.requests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/public/v1/tables/Demo.Sales");
    expect(sent?.headers.get("content-type")).toBe("text/csv");
    expect(sent?.body).toBe(CSV);
  });

  it("uploadTable streams a Node Readable", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    await client(fake.fetch).uploadTable("Demo:Sales", Readable.from([Buffer.from(CSV)]));
    expect(fake.requests[0]?.streamed).toBe(true);
    expect(fake.requests[0]?.init.duplex).toBe("half");
    expect(fake.requests[0]?.body).toBe(CSV);
  });

  it("an upload answer without the identifiers is an InvalidResponseError, not undefined", async () => {
    const fake = fakeDatagrok(() => new Response("", { headers: { "content-type": "application/json" } }));
    const error = await client(fake.fetch)
      .uploadTable("Demo:Sales", CSV)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("the body is empty where JSON was expected");
  });

  it("downloadTable returns a Download of the CSV, read as a stream", async () => {
    const fake = fakeDatagrok(() => new Response(CSV, { headers: { "content-type": "text/csv" } }));
    const download = await client(fake.fetch).downloadTable("Demo:Sales");
    const reader = download.stream.getReader();
    let text = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decode(r.value);
    expect(text).toBe(CSV);
    expect(download.contentType).toBe("text/csv");
    expect(fake.requests[0]?.method).toBe("GET");
  });
});
