// Multi-page listings end to end. Prism is stateless (every answer is the spec's example), so the mock proxy's
// envelope step (scripts/lib/paging/envelope.ts) rebuilds `{ pages, total, next_page, results }` from the
// requested `page` and `limit`: three pages, `next_page` a full URL on the mock itself, null on the last page.
// Each page's items are the same example, so the walk is asserted from the requests and page indexes.
import { describe, expect, it } from "vitest";
import { mockClient, recordingFetch, VERSION_ID } from "./support.js";

const MOCK_PAGES = 3;

describe("a 3-page listing", () => {
  it("listSources follows next_page from page 1 to the last page and stops", async () => {
    const recorder = recordingFetch();
    const seen: Array<[number, string[]]> = [];
    for await (const page of mockClient({ fetch: recorder.fetch })
      .listSources({ versionId: VERSION_ID, limit: 1 })
      .pages()) {
      seen.push([page.index, page.items.map((source) => source.name)]);
    }
    expect(seen).toEqual([
      [1, ["My NoSQL source"]],
      [2, ["My NoSQL source"]],
      [3, ["My NoSQL source"]],
    ]);
    expect(recorder.sent.map((r) => r.url.search)).toEqual([
      `?versionId=${VERSION_ID}&limit=1`,
      `?versionId=${VERSION_ID}&limit=1&page=2`,
      `?versionId=${VERSION_ID}&limit=1&page=3`,
    ]);
  });

  it("the mock's envelope: pages, total_sum (all results) and next_page on the mock itself", async () => {
    const dg = mockClient();
    const { data } = await dg.api.GET("/sources", { params: { query: { versionId: VERSION_ID, limit: 1, page: 2 } } });
    expect(data?.pages).toBe(MOCK_PAGES);
    expect(data?.total_sum).toBe(MOCK_PAGES);
    expect(data?.next_page).toBe(`${dg.baseUrl}/sources?versionId=${VERSION_ID}&limit=1&page=3`);
    expect(data?.results).toHaveLength(1);
  });

  it("paginate(path) gives every item of every page, typed by the path", async () => {
    const users = await mockClient()
      .paginate("/users/{versionId}", { params: { path: { versionId: VERSION_ID }, query: { module: "catalog" } } })
      .toArray();
    // Without `limit`, the mock's page is as long as the example (2 users).
    expect(users.map((user) => user.email)).toEqual(
      Array(MOCK_PAGES).fill(["john.doe@example.com", "jane.doe@example.com"]).flat(),
    );
  });

  it("maxPages and an early break leave the remaining pages unrequested", async () => {
    const recorder = recordingFetch();
    const client = mockClient({ fetch: recorder.fetch });
    expect(await client.listTags({ limit: 2 }, { maxPages: 2 }).toArray()).toHaveLength(4);
    expect(recorder.sent).toHaveLength(2);
    for await (const tag of client.listTags()) if (tag.name === "CRM") break;
    expect(recorder.sent).toHaveLength(3);
  });
});

describe("every paged list can be walked to the end", () => {
  const v = VERSION_ID;
  const lists = {
    listContainers: (c) => c.listContainers({ versionId: v, limit: 1 }),
    listDataProcessings: (c) => c.listDataProcessings({ versionId: v, limit: 1 }),
    listDataProcessingItems: (c) => c.listDataProcessingItems({ versionId: v, limit: 1 }),
    listFields: (c) => c.listFields({ versionId: v, limit: 1 }),
    listLinks: (c) => c.listLinks({ versionId: v, limit: 1 }),
    listProperties: (c) => c.listProperties({ versionId: v, limit: 1 }),
    listSources: (c) => c.listSources({ versionId: v, limit: 1 }),
    listStructures: (c) => c.listStructures({ versionId: v, limit: 1 }),
    listTags: (c) => c.listTags({ limit: 1 }),
    listUsages: (c) => c.listUsages({ versionId: v, limit: 1 }),
    searchUsers: (c) => c.searchUsers({ email: "john.doe@example.com", limit: 1 }),
    listUsers: (c) => c.listUsers(v, { module: "catalog", limit: 1 }),
    listVersions: (c) => c.listVersions("9a7e4c2b-1f3d-4e8a-b6c5-2d0f8e1a7b93", { limit: 1 }),
  } satisfies Record<
    string,
    (client: ReturnType<typeof mockClient>) => AsyncIterable<unknown> & { pages(): AsyncIterable<unknown> }
  >;

  it.each(Object.entries(lists))("%s: three pages of one item, then stops", async (_name, list) => {
    const recorder = recordingFetch();
    let pages = 0;
    for await (const page of list(mockClient({ fetch: recorder.fetch })).pages()) {
      pages++;
      expect((page as { items: unknown[] }).items).toHaveLength(1);
    }
    expect(pages).toBe(MOCK_PAGES);
    expect(recorder.sent.map((r) => r.url.searchParams.get("page"))).toEqual([null, "2", "3"]);
  });
});
