// Multi-page listings end to end. Prism is stateless (every answer carries the spec's example headers:
// X-Page 1, X-Next-Page 2, X-Total-Pages 3), so the mock proxy's paging-aware step (scripts/lib/paging/headers.ts)
// rewrites X-Page / X-Next-Page / X-Prev-Page / Link from the requested `page`, and for `pagination=keyset`
// sends only a `Link: rel="next"` with an `id_after` cursor while pages remain. Each page's items are the
// same example (Prism has one), so the page numbers are asserted from the headers and the requests.
import { describe, expect, it } from "vitest";
import { ConfigurationError, readPageHeaders } from "../../src/index.js";
import { mockClient, recordingFetch } from "./support.js";

describe("a 3-page listing through paginate", () => {
  it("listProjects walks pages 1, 2, 3 and stops", async () => {
    const recorder = recordingFetch();
    const seen: Array<{ index: number; page?: number; next?: number; ids: number[] }> = [];
    for await (const page of mockClient({ fetch: recorder.fetch }).listProjects({ per_page: 20 }).pages()) {
      const headers = readPageHeaders(page.response?.headers ?? new Headers());
      seen.push({ index: page.index, page: headers.page, next: headers.nextPage, ids: page.items.map((p) => p.id) });
    }
    expect(seen).toEqual([
      { index: 1, page: 1, next: 2, ids: [21816] },
      { index: 2, page: 2, next: 3, ids: [21816] },
      { index: 3, page: 3, next: undefined, ids: [21816] },
    ]);
    expect(recorder.sent.map((r) => r.url.search)).toEqual([
      "?per_page=20&page=1",
      "?per_page=20&page=2",
      "?per_page=20&page=3",
    ]);
  });

  it("paginate(path) gives every item of every page, typed by the path", async () => {
    const pipelines = await mockClient()
      .paginate("/projects/{id}/pipelines", { params: { path: { id: 21816 }, query: { status: "success" } } })
      .toArray();
    expect(pipelines).toHaveLength(6);
    expect(pipelines.map((p) => p.id)).toEqual([288, 287, 288, 287, 288, 287]);
  });

  it("maxPages and an early break leave the remaining pages unrequested", async () => {
    const recorder = recordingFetch();
    const dol = mockClient({ fetch: recorder.fetch });
    expect(await dol.listNamespaces({}, { maxPages: 2 }).toArray()).toHaveLength(4);
    expect(recorder.sent).toHaveLength(2);
    for await (const namespace of dol.listNamespaces()) if (namespace.kind === "user") break;
    expect(recorder.sent).toHaveLength(3);
  });

  it("refuses per_page above GitLab's 100 before any request", () => {
    const recorder = recordingFetch();
    expect(() => mockClient({ fetch: recorder.fetch }).listProjects({ per_page: 101 })).toThrow(ConfigurationError);
    expect(recorder.sent).toHaveLength(0);
  });
});

describe("keyset paging", () => {
  it("follows Link rel=next (id_after) without page numbers or totals, and stops when no link is sent", async () => {
    const recorder = recordingFetch();
    const pages: Array<{ total?: number; link?: string }> = [];
    const query = { pagination: "keyset", order_by: "id", sort: "asc", per_page: 2 } as const;
    for await (const page of mockClient({ fetch: recorder.fetch }).listProjects(query).pages()) {
      const headers = readPageHeaders(page.response?.headers ?? new Headers());
      pages.push({ total: headers.total, link: headers.links.next && new URL(headers.links.next).search });
    }
    expect(pages).toEqual([
      { total: undefined, link: "?pagination=keyset&order_by=id&sort=asc&per_page=2&id_after=1000" },
      { total: undefined, link: "?pagination=keyset&order_by=id&sort=asc&per_page=2&id_after=2000" },
      { total: undefined, link: undefined },
    ]);
    expect(recorder.sent.map((r) => r.url.searchParams.get("id_after"))).toEqual([null, "1000", "2000"]);
    expect(recorder.sent.every((r) => !r.url.searchParams.has("page"))).toBe(true);
  });
});
