// The envelope paginator as DataGalaxy pages: `{ pages, total, total_sum, next_page, results }`, following
// `next_page` (same origin only) until it is null, or counting pages when the answer has no next_page at all.
import { describe, expect, it } from "vitest";
import { AbortError, ConfigurationError, DataclientsError } from "../../src/index.js";
import { BASE_URL, fakeClient, fakeDatagalaxy, json, VERSION_ID } from "./fake-datagalaxy.js";

/** `pages` pages of `size` sources; next_page is the server's own full URL, null on the last page. */
function pagedSources(pages: number, size = 2, nextPage = (url: URL, page: number) => withPage(url, page + 1)) {
  return fakeDatagalaxy((request) => {
    const page = Number(request.url.searchParams.get("page") ?? 1);
    const results = page <= pages ? Array.from({ length: size }, (_, i) => ({ id: `s${page}.${i + 1}` })) : [];
    return json({
      pages,
      total: results.length,
      total_sum: pages * size,
      next_page: page < pages ? nextPage(request.url, page) : null,
      results,
    });
  });
}

function withPage(url: URL, page: number): string {
  const next = new URL(url);
  next.searchParams.set("page", String(page));
  return next.href;
}

const ids = (items: Array<{ id?: string }>) => items.map((item) => item.id);

describe("the envelope paginator", () => {
  it("an empty list: one request, no items", async () => {
    const fake = fakeDatagalaxy(() => json({ pages: 0, total: 0, total_sum: 0, next_page: null, results: [] }));
    expect(await fakeClient(fake.fetch).listSources({ versionId: VERSION_ID }).toArray()).toEqual([]);
    expect(fake.requests.map((r) => r.url.search)).toEqual([`?versionId=${VERSION_ID}`]);
  });

  it("one page: next_page null stops the walk", async () => {
    const fake = pagedSources(1, 3);
    expect(ids(await fakeClient(fake.fetch).listSources({ versionId: VERSION_ID }).toArray())).toEqual([
      "s1.1",
      "s1.2",
      "s1.3",
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  it("many pages: follows next_page (the server's full URL) to the end, keeping the query", async () => {
    const fake = pagedSources(3);
    const items = await fakeClient(fake.fetch).listSources({ versionId: VERSION_ID, limit: 2 }).toArray();
    expect(ids(items)).toEqual(["s1.1", "s1.2", "s2.1", "s2.2", "s3.1", "s3.2"]);
    expect(fake.requests.map((r) => `${r.path}${r.url.search}`)).toEqual([
      `/sources?versionId=${VERSION_ID}&limit=2`,
      `/sources?versionId=${VERSION_ID}&limit=2&page=2`,
      `/sources?versionId=${VERSION_ID}&limit=2&page=3`,
    ]);
  });

  it("without next_page in the answer (the guide's users/tags shape), pages are counted from `pages`", async () => {
    const fake = fakeDatagalaxy((request) => {
      const page = Number(request.url.searchParams.get("page") ?? 1);
      return json({ pages: 2, total: 1, results: [{ name: `tag${page}` }] });
    });
    const tags = await fakeClient(fake.fetch).listTags().toArray();
    expect(tags).toEqual([{ name: "tag1" }, { name: "tag2" }]);
    expect(fake.requests.map((r) => r.url.search)).toEqual(["", "?page=2"]);
  });

  it(".pages() yields each page with its response; maxPages bounds the walk", async () => {
    const fake = pagedSources(3);
    const seen: Array<[number, string[]]> = [];
    for await (const page of fakeClient(fake.fetch).listSources({ versionId: VERSION_ID }, { maxPages: 2 }).pages()) {
      seen.push([page.index, page.items.map((item) => item.id)]);
      expect(page.response?.status).toBe(200);
    }
    expect(seen).toEqual([
      [1, ["s1.1", "s1.2"]],
      [2, ["s2.1", "s2.2"]],
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it("breaking out of for-await leaves the remaining pages unrequested", async () => {
    const fake = pagedSources(3);
    for await (const source of fakeClient(fake.fetch).listSources({ versionId: VERSION_ID })) {
      if (source.id === "s1.2") break;
    }
    expect(fake.requests).toHaveLength(1);
  });

  it("paginate(path) walks the same way, typed by the path", async () => {
    const fake = pagedSources(2);
    const client = fakeClient(fake.fetch);
    const items = await client.paginate("/sources", { params: { query: { versionId: VERSION_ID } } }).toArray();
    expect(ids(items)).toEqual(["s1.1", "s1.2", "s2.1", "s2.2"]);
    const versions = fakeDatagalaxy(() =>
      json({ pages: 1, total: 1, next_page: null, results: [{ versionId: VERSION_ID, versionName: "v1" }] }),
    );
    const list = fakeClient(versions.fetch).paginate("/workspaces/{workspaceId}/versions", {
      params: { path: { workspaceId: "w 1" } },
    });
    expect(await list.toArray()).toEqual([{ versionId: VERSION_ID, versionName: "v1" }]);
    expect(versions.requests[0]?.path).toBe("/workspaces/w%201/versions");
  });

  it("refuses a next_page on another origin, without sending the token there", async () => {
    const fake = pagedSources(3, 2, (url, page) => `https://evil.example${url.pathname}?page=${page + 1}`);
    const error = await fakeClient(fake.fetch)
      .listSources({ versionId: VERSION_ID })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataclientsError);
    expect((error as Error).message).toContain("points at another origin (https://evil.example)");
    expect(fake.requests.map((r) => r.url.origin)).toEqual([new URL(BASE_URL).origin]);
  });

  it("refuses a next_page that repeats the page (instead of looping)", async () => {
    const fake = pagedSources(3, 2, (url) => withPage(url, 1));
    await expect(fakeClient(fake.fetch).listSources({ versionId: VERSION_ID }).toArray()).rejects.toThrow(
      "repeats page 1",
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("checks the page size against the spec's 1–5000 before any request", () => {
    const fake = pagedSources(1);
    expect(() => fakeClient(fake.fetch).listSources({ versionId: VERSION_ID, limit: 5001 })).toThrow(
      ConfigurationError,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("stops when the caller's signal aborts between pages", async () => {
    const fake = pagedSources(3);
    const controller = new AbortController();
    const walk = fakeClient(fake.fetch).listSources({ versionId: VERSION_ID }, { signal: controller.signal });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const source of walk) {
        seen.push(source.id);
        if (source.id === "s1.2") controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toEqual(["s1.1", "s1.2"]);
    expect(fake.requests).toHaveLength(1);
  });
});
