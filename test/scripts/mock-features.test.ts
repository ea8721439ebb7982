// The mock proxy's per-spec steps against real Prisms, one small fixture spec each (test/scripts/fixtures):
// the envelope and body paging styles, multi-segment path parameters, `Prefer: api-error`, and no paging step
// for a spec without x-dataclients-paging.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockExchange, type RunningMock, startMock } from "../../scripts/lib/mock-server.js";
import { documentedOperations, operationMatcher } from "../../scripts/lib/operation-coverage.js";
import { fixturesRoot, fixtureVendor } from "./fixtures/registry.js";

let envelope: RunningMock;
let body: RunningMock;
let files: RunningMock;
const filesExchanges: MockExchange[] = [];

beforeAll(async () => {
  // Three Prism start-ups at once: they dominate this file's run time (slow on a loaded 2-core machine).
  [envelope, body, files] = await Promise.all([
    startMock(fixtureVendor("envelope")),
    startMock(fixtureVendor("body")),
    startMock(fixtureVendor("files"), { onExchange: (exchange) => filesExchanges.push(exchange) }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([envelope?.close(), body?.close(), files?.close()]);
});

interface Envelope {
  pages: number;
  total: number;
  next_page: string | null;
  results: Array<{ id: string }>;
}

describe("envelope paging (x-dataclients-paging style: envelope)", () => {
  it("walks next_page links on the mock's own origin and base path, 3 pages, then null", async () => {
    let next: string | null = `${envelope.url}/sources?limit=2`;
    const pages: Envelope[] = [];
    while (next && pages.length < 10) {
      const res: Response = await fetch(next);
      expect(res.status).toBe(200);
      pages.push((await res.json()) as Envelope);
      next = pages.at(-1)?.next_page ?? null;
    }
    expect(pages.map((p) => p.next_page)).toEqual([
      `${envelope.url}/sources?limit=2&page=2`,
      `${envelope.url}/sources?limit=2&page=3`,
      null,
    ]);
    for (const page of pages) {
      expect(page.pages).toBe(3);
      expect(page.total).toBe(6);
      // The example has three items; a page never holds more than the requested limit.
      expect(page.results.map((r) => r.id)).toEqual(["s1", "s2"]);
    }
  });

  it("without a limit a page is the whole example; past the last page the results are empty", async () => {
    const first = (await (await fetch(`${envelope.url}/sources`)).json()) as Envelope;
    expect(first).toEqual({
      pages: 3,
      total: 9,
      next_page: `${envelope.url}/sources?page=2`,
      results: [
        { id: "s1", name: "warehouse" },
        { id: "s2", name: "lake" },
        { id: "s3", name: "mart" },
      ],
    });
    const past = (await (await fetch(`${envelope.url}/sources?page=4&limit=2`)).json()) as Envelope;
    expect(past).toMatchObject({ pages: 3, total: 6, next_page: null, results: [] });
  });

  it("sends a correct content-length for the rewritten body and leaves a non-envelope answer alone", async () => {
    const res = await fetch(`${envelope.url}/sources?page=2&limit=1`);
    const text = await res.text();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toMatchObject({ next_page: `${envelope.url}/sources?page=3&limit=1` });
    expect(await (await fetch(`${envelope.url}/sources/s1`)).json()).toEqual({ id: "s1", name: "warehouse" });
  });
});

describe("body paging (x-dataclients-paging style: body)", () => {
  const query = (requestPageDetails?: { pageNumber?: number; pageSize?: number }) =>
    fetch(`${body.url}/tables/7/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(requestPageDetails ? { requestPageDetails } : {}),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it("serves the requested page number and a 3-page total from the request body's dotted paths", async () => {
    expect(await query({ pageNumber: 2, pageSize: 2 })).toEqual({
      status: 200,
      body: {
        rows: [
          { id: 1, city: "Lisboa" },
          { id: 2, city: "Porto" },
        ],
        totalNumberOfRecords: 6,
        pageNumber: 2,
      },
    });
  });

  it("answers an empty rows array past the last page, and page 1 of the whole example without details", async () => {
    expect(await query({ pageNumber: 4, pageSize: 2 })).toEqual({
      status: 200,
      body: { rows: [], totalNumberOfRecords: 6, pageNumber: 4 },
    });
    const first = await query();
    expect(first.body).toMatchObject({ totalNumberOfRecords: 9, pageNumber: 1 });
    expect(first.body.rows).toHaveLength(3);
  });

  it("a client paging until an empty page sees exactly the total", async () => {
    const rows: unknown[] = [];
    for (let page = 1; page < 10; page++) {
      const { body: answer } = await query({ pageNumber: page, pageSize: 3 });
      if (answer.rows.length === 0) break;
      rows.push(...answer.rows);
      expect(answer.totalNumberOfRecords).toBe(9);
    }
    expect(rows).toHaveLength(9);
  });

  it("still forwards the body to Prism, which validates it", async () => {
    expect((await query({ pageNumber: 0 })).status).toBe(422);
  });
});

describe("a spec without x-dataclients-paging", () => {
  it("gets no paging step: Prism's headers pass through", async () => {
    const res = await fetch(`${files.url}/tables/t1?page=2&per_page=5`, { headers: { authorization: "Bearer x" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-total-pages")).toBe("3");
    expect(res.headers.has("link")).toBe(false);
    expect(res.headers.has("x-page")).toBe(false);
  });
});

describe("multi-segment path parameters (x-dataclients-path: multi-segment)", () => {
  const auth = { headers: { authorization: "Bearer x" } };

  it("routes a literal dir/a.csv (which Prism alone answers 404) like its %2F form", async () => {
    for (const path of ["dir/sub/a.csv", "dir%2Fsub%2Fa.csv", "a.csv"]) {
      const res = await fetch(`${files.url}/files/Demo/${path}`, auth);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe("a,b\n1,2\n");
    }
  });

  it("leaves a more literal template to its own operation", async () => {
    const res = await fetch(`${files.url}/files/Demo/meta/a.csv`, auth);
    expect(await res.json()).toEqual({ size: 12 });
  });

  it("reports the request as the client sent it, and coverage maps both forms to the operation", async () => {
    filesExchanges.length = 0;
    await fetch(`${files.url}/files/Demo/x/y.csv`, auth);
    await fetch(`${files.url}/files/Demo/x%2Fy.csv`, auth);
    await fetch(`${files.url}/files/Demo/meta/y.csv`, auth);
    expect(filesExchanges.map((e) => e.path)).toEqual([
      "/files/Demo/x/y.csv",
      "/files/Demo/x%2Fy.csv",
      "/files/Demo/meta/y.csv",
    ]);
    const match = operationMatcher(documentedOperations(fixtureVendor("files"), fixturesRoot));
    expect(filesExchanges.map((e) => match(e.method, e.path)?.operationId)).toEqual([
      "downloadFile",
      "downloadFile",
      "getFileMeta",
    ]);
  });
});

describe("Prefer: api-error=<text> (a 200 that is an error)", () => {
  const get = (prefer: string, authorization = "Bearer x") =>
    fetch(`${files.url}/tables/t1`, { headers: { prefer, authorization } });

  it("answers 200 with the percent-decoded text in the api-error header and as a text/plain body", async () => {
    const res = await get("api-error=Table%20%22Demo.Missing%22%20not%20found%2C%20sorry");
    expect(res.status).toBe(200);
    expect(res.headers.get("api-error")).toBe('Table "Demo.Missing" not found, sorry');
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toBe('Table "Demo.Missing" not found, sorry');
  });

  it("forwards the other preferences to Prism and reports the exchange as a 200", async () => {
    filesExchanges.length = 0;
    const res = await get("code=200, api-error=Boom");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("Boom");
    expect(filesExchanges).toEqual([{ method: "GET", path: "/tables/t1", status: 200, violations: [] }]);
  });

  it("answers a bare Prefer: api-error with the spec's x-dataclients-mock.api-error", async () => {
    const res = await get("api-error");
    expect(res.status).toBe(200);
    expect(res.headers.get("api-error")).toBe("true");
    expect(await res.text()).toBe("ApiError: Table 'Demo.Missing' not found");
  });

  it("lets Prism's 401 win when the request has no credential", async () => {
    const res = await fetch(`${files.url}/tables/t1`, { headers: { prefer: "api-error=Boom" } });
    expect(res.status).toBe(401);
    expect(res.headers.has("api-error")).toBe(false);
  });

  it("refuses a text that is not valid percent-encoding, saying how to fix it", async () => {
    const res = await get("api-error=100%");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("%25");
  });
});
