import { describe, expect, it } from "vitest";
import {
  AbortError,
  ConfigurationError,
  createDataopsLiveClient,
  privateToken,
  readPageHeaders,
} from "../../src/index.js";
import { fakeGitlab, json, pageHeaders } from "./fake-gitlab.js";

/** Three pages of two projects each; `totals: false` drops X-Total(-Pages) as GitLab does above 10,000 records. */
function threePages(options: { totals?: boolean } = {}) {
  return fakeGitlab((request) => {
    const page = Number(request.url.searchParams.get("page") ?? 1);
    const items = [{ id: page * 10 + 1 }, { id: page * 10 + 2 }];
    return json(items, { headers: pageHeaders(page, 3, options) });
  });
}

const client = (fetch: typeof globalThis.fetch) =>
  createDataopsLiveClient({ auth: privateToken("glpat-x"), fetch, maxRetries: 0 });

describe("paginate over offset pages", () => {
  it("walks X-Next-Page from page 1 to the last page and stops", async () => {
    const fake = threePages();
    const ids = (await client(fake.fetch).listProjects({ per_page: 2 }).toArray()).map((p) => p.id);
    expect(ids).toEqual([11, 12, 21, 22, 31, 32]);
    expect(fake.requests.map((r) => r.url.search)).toEqual([
      "?per_page=2&page=1",
      "?per_page=2&page=2",
      "?per_page=2&page=3",
    ]);
  });

  it("does not need X-Total or X-Total-Pages", async () => {
    const fake = threePages({ totals: false });
    expect(await client(fake.fetch).listNamespaces().toArray()).toHaveLength(6);
    expect(fake.requests).toHaveLength(3);
  });

  it(".pages() yields each page with its headers; maxPages bounds the walk", async () => {
    const fake = threePages();
    const seen: Array<[number, number | undefined, number[]]> = [];
    for await (const page of client(fake.fetch).listProjects({}, { maxPages: 2 }).pages()) {
      const headers = page.response ? readPageHeaders(page.response.headers) : undefined;
      seen.push([page.index, headers?.page, page.items.map((p) => p.id)]);
    }
    expect(seen).toEqual([
      [1, 1, [11, 12]],
      [2, 2, [21, 22]],
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it("stopping early requests nothing more", async () => {
    const fake = threePages();
    for await (const project of client(fake.fetch).listProjects()) {
      if (project.id === 12) break;
    }
    expect(fake.requests).toHaveLength(1);
  });

  it("a signal aborts the walk between pages", async () => {
    const controller = new AbortController();
    const fake = threePages();
    const error = await (async () => {
      for await (const _ of client(fake.fetch).listProjects({}, { signal: controller.signal })) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(fake.requests).toHaveLength(1);
  });

  it("pages any list by path, with its path parameters, typed items and the query kept", async () => {
    const fake = threePages();
    const jobs = await client(fake.fetch)
      .paginate("/projects/{id}/pipelines/{pipeline_id}/jobs", {
        params: { path: { id: "my-group/my-project", pipeline_id: 287 }, query: { "scope[]": ["failed", "success"] } },
      })
      .toArray();
    expect(jobs).toHaveLength(6);
    expect(fake.requests[1]?.url.pathname).toBe("/api/v4/projects/my-group%2Fmy-project/pipelines/287/jobs");
    expect(fake.requests[1]?.url.search).toBe("?scope[]=failed&scope[]=success&page=2");
  });
});

describe("paginate over keyset pages", () => {
  it("follows Link rel=next with only its query, never a page number", async () => {
    const fake = fakeGitlab((request) => {
      const after = Number(request.url.searchParams.get("id_after") ?? 0);
      const headers: Record<string, string> = { "x-per-page": "2" };
      if (after < 4) {
        headers.link = `<https://app.dataops.live/api/v4/projects?order_by=id&pagination=keyset&per_page=2&sort=asc&id_after=${after + 2}>; rel="next"`;
      }
      return json([{ id: after + 1 }, { id: after + 2 }], { headers });
    });
    const ids = (
      await client(fake.fetch)
        .listProjects({ pagination: "keyset", order_by: "id", sort: "asc", per_page: 2 })
        .toArray()
    ).map((p) => p.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fake.requests.map((r) => r.url.searchParams.get("id_after"))).toEqual([null, "2", "4"]);
    expect(fake.requests.every((r) => !r.url.searchParams.has("page"))).toBe(true);
  });
});

describe("per_page", () => {
  it.each([0, 101, 2.5, -20])("rejects %d before any request with GitLab's bounds", (perPage) => {
    const fake = threePages();
    const dol = client(fake.fetch);
    expect(() => dol.listProjects({ per_page: perPage })).toThrow(ConfigurationError);
    expect(() => dol.listProjects({ per_page: perPage })).toThrow(
      "DataOps.live: `per_page` must be a whole number from 1 to 100 (the server's maximum)",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts 1 and 100", async () => {
    const fake = threePages();
    await client(fake.fetch).listProjects({ per_page: 100 }, { maxPages: 1 }).toArray();
    await client(fake.fetch).listProjects({ per_page: 1 }, { maxPages: 1 }).toArray();
    expect(fake.requests.map((r) => r.url.searchParams.get("per_page"))).toEqual(["100", "1"]);
  });
});
