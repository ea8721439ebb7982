import { describe, expectTypeOf, it } from "vitest";
import {
  bearer,
  createDatagrokClient,
  type DatagrokApiError,
  type Download,
  type EntityIdentifiers,
  type Func,
  type ShareResult,
  toRestName,
} from "../../src/index.js";

// Type tests run without Node's types (the sources must not need them): an AsyncIterable stands in for a Readable.
declare const readable: AsyncIterable<Uint8Array>;

const grok = createDatagrokClient({ baseUrl: "https://public.datagrok.ai/api", auth: bearer("t") });

describe("createDatagrokClient", () => {
  it("requires baseUrl", () => {
    // @ts-expect-error baseUrl is required: each installation has its own host
    createDatagrokClient({ auth: bearer("t") });
  });
});

describe("the README's example types as written", () => {
  it("tables, dashboards, shares, functions", async () => {
    const { ID: tableId } = await grok.uploadTable("Demo:Sales", readable);
    expectTypeOf(tableId).toEqualTypeOf<string>();
    expectTypeOf(grok.downloadTable("Demo:Sales")).toEqualTypeOf<Promise<Download>>();
    const dash = await grok.createDashboard("Sales", [tableId]);
    expectTypeOf(dash).toEqualTypeOf<EntityIdentifiers>();
    expectTypeOf(grok.shareDashboard(dash.ID, { groups: ["All users"], access: "View" })).toEqualTypeOf<
      Promise<ShareResult>
    >();
    // @ts-expect-error access is "View" or "Edit"
    grok.shareDashboard(dash.ID, { groups: ["All users"], access: "Admin" });
    // @ts-expect-error groups is required
    grok.shareEntity(dash.ID, { access: "Edit" });
    expectTypeOf(grok.callFunction<number>("Samples:Sum", { a: 1, b: 2 })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(grok.callFunction("Samples:Sum")).toEqualTypeOf<Promise<unknown>>();
    expectTypeOf(grok.invokeFunction<{ sum: number }>("Samples:Sum", {})).toEqualTypeOf<Promise<{ sum: number }>>();
  });

  it("files take every binary body", () => {
    grok.uploadFile("System:DemoFiles", "a/b.csv", "text");
    grok.uploadFile("System:DemoFiles", "a/b.csv", new Uint8Array());
    grok.uploadFile("System:DemoFiles", "a/b.csv", new Blob([]));
    grok.uploadFile("System:DemoFiles", "a/b.csv", new ReadableStream<Uint8Array>());
    grok.uploadFile("System:DemoFiles", "a/b.csv", readable);
    // @ts-expect-error an object is not a file body
    grok.uploadFile("System:DemoFiles", "a/b.csv", { rows: [] });
    expectTypeOf(grok.downloadFile("System:DemoFiles", "a/b.csv")).toEqualTypeOf<Promise<Download>>();
  });

  it("lists are arrays of the named types", () => {
    expectTypeOf(grok.listFunctions({ text: 'source="script"' })).toEqualTypeOf<Promise<Func[]>>();
    expectTypeOf(toRestName).toEqualTypeOf<(name: string) => string>();
    expectTypeOf<DatagrokApiError["code"]>().toEqualTypeOf<string | undefined>();
  });

  it("has no method the spec does not declare", () => {
    // @ts-expect-error not an operation of the spec
    grok.noSuchOperation();
  });
});
