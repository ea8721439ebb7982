import {
  ConfigurationError,
  checkPageSize,
  DataclientsError,
  type PageQuery,
  paginateByHeaders,
} from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";

const origin = "https://gitlab.example.com/api/v4/projects";

/** An offset-paged server of `total` numbered items; `withTotals: false` drops X-Total(-Pages) as GitLab does above 10,000. */
function offsetServer(total: number, { withTotals = true } = {}) {
  return vi.fn(async (query: PageQuery) => {
    const page = Number(query.page ?? 1);
    const perPage = Number(query.per_page ?? 20);
    const pages = Math.ceil(total / perPage);
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => {
      return (page - 1) * perPage + i + 1;
    });
    const headers = new Headers({
      "x-page": String(page),
      "x-per-page": String(perPage),
      "x-next-page": page < pages ? String(page + 1) : "",
      "x-prev-page": page > 1 ? String(page - 1) : "",
    });
    if (withTotals) {
      headers.set("x-total", String(total));
      headers.set("x-total-pages", String(pages));
    }
    return { items, response: new Response(null, { headers }) };
  });
}

describe("paginateByHeaders (offset)", () => {
  it("follows X-Next-Page to the last page, keeping the rest of the query", async () => {
    const fetchPage = offsetServer(5);
    const items = await paginateByHeaders(fetchPage, { query: { per_page: 2, search: "x" }, firstPage: 1 }).toArray();
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage.mock.calls.map(([query]) => query)).toEqual([
      { per_page: 2, search: "x", page: 1 },
      { per_page: 2, search: "x", page: 2 },
      { per_page: 2, search: "x", page: 3 },
    ]);
  });

  it("works without X-Total and X-Total-Pages", async () => {
    const fetchPage = offsetServer(250, { withTotals: false });
    const items = await paginateByHeaders(fetchPage, { query: { per_page: 100 } }).toArray();
    expect(items).toHaveLength(250);
    expect(items.at(-1)).toBe(250);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it("starts at the page the query names, and sends no page number unless asked", async () => {
    const fetchPage = offsetServer(5);
    await paginateByHeaders(fetchPage, { query: { per_page: 2, page: 2 }, firstPage: 1 }).toArray();
    expect(fetchPage.mock.calls.map(([query]) => query.page)).toEqual([2, 3]);

    const bare = offsetServer(5);
    await paginateByHeaders(bare, { query: { per_page: 2 } }).toArray();
    expect(bare.mock.calls[0]?.[0]).toEqual({ per_page: 2 });
  });

  it("pages() gives each page with its response; maxPages and an early break stop the requests", async () => {
    const fetchPage = offsetServer(10);
    const pages = [];
    for await (const page of paginateByHeaders(fetchPage, { query: { per_page: 3 }, maxPages: 2 }).pages()) {
      pages.push([page.index, page.items, page.response?.headers.get("x-page")]);
    }
    expect(pages).toEqual([
      [1, [1, 2, 3], "1"],
      [2, [4, 5, 6], "2"],
    ]);
    expect(fetchPage).toHaveBeenCalledTimes(2);

    const lazy = offsetServer(10);
    for await (const item of paginateByHeaders(lazy, { query: { per_page: 3 } })) if (item === 2) break;
    expect(lazy).toHaveBeenCalledTimes(1);
  });

  it("stops with an error when the server points back to a page already fetched", async () => {
    const fetchPage = vi.fn(async () => ({
      items: [1],
      response: new Response(null, { headers: { "x-next-page": "2" } }),
    }));
    const error = await paginateByHeaders(fetchPage, { firstPage: 1 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataclientsError);
    expect((error as Error).message).toContain("named page 2 as the next page after page 2");
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("rejects a body that is not an array", async () => {
    const fetchPage = async () => ({ items: undefined, response: new Response(null) });
    await expect(paginateByHeaders<number>(fetchPage).toArray()).rejects.toThrow("expected a JSON array");
  });
});

describe("paginateByHeaders (keyset)", () => {
  it("replays the query of Link rel=next until there is none", async () => {
    const fetchPage = vi.fn(async (query: PageQuery) => {
      const after = Number(query.id_after ?? 0);
      const items = [after + 1, after + 2];
      const headers = new Headers();
      if (after < 4) {
        headers.set(
          "link",
          `<${origin}?order_by=id&pagination=keyset&per_page=2&sort=asc&id_after=${after + 2}>; rel="next"`,
        );
      }
      return { items, response: new Response(null, { headers }) };
    });
    const query = { pagination: "keyset", order_by: "id", sort: "asc", per_page: 2 };
    expect(await paginateByHeaders(fetchPage, { query }).toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fetchPage.mock.calls.map(([q]) => q)).toEqual([
      query,
      { order_by: "id", pagination: "keyset", per_page: "2", sort: "asc", id_after: "2" },
      { order_by: "id", pagination: "keyset", per_page: "2", sort: "asc", id_after: "4" },
    ]);
  });

  it("uses only the link's query, never its host", async () => {
    const fetchPage = vi.fn(async (query: PageQuery) => ({
      items: [query.id_after ?? "first"],
      response: new Response(null, {
        headers: query.id_after ? {} : { link: '<https://evil.example/steal?id_after=9>; rel="next"' },
      }),
    }));
    expect(await paginateByHeaders(fetchPage).toArray()).toEqual(["first", "9"]);
    expect(fetchPage.mock.calls[1]?.[0]).toEqual({ id_after: "9" });
  });

  it("stops with an error when the link repeats the current query", async () => {
    const fetchPage = async () => ({
      items: [1],
      response: new Response(null, { headers: { link: `<${origin}?id_after=3>; rel="next"` } }),
    });
    await expect(paginateByHeaders(fetchPage, { query: { id_after: 3 } }).toArray()).rejects.toThrow(
      'rel="next" link repeats the current page',
    );
  });
});

describe("checkPageSize", () => {
  const rule = { param: "per_page", max: 100, name: "Acme" };

  it.each([1, 50, 100, undefined])("accepts %s", (value) => {
    expect(() => checkPageSize(value, rule)).not.toThrow();
  });

  it.each([0, 101, 2.5, -1, "20", Number.NaN])("rejects %s with a message naming the bounds", (value) => {
    expect(() => checkPageSize(value, rule)).toThrow(ConfigurationError);
    expect(() => checkPageSize(value, rule)).toThrow("Acme: `per_page` must be a whole number from 1 to 100");
  });
});
