import { describe, expect, it } from "vitest";
import { type HeaderMap, rewritePagingHeaders } from "../../scripts/lib/paging/headers.js";

const base = "http://127.0.0.1:4014/api/v4/projects";
// What Prism sends for every request: the spec's one example per header.
const prismHeaders = {
  "content-type": "application/json",
  "x-page": "1",
  "x-next-page": "2",
  "x-prev-page": "",
  "x-per-page": "20",
  "x-total": "45",
  "x-total-pages": "3",
  link: '<https://gitlab.example.com/api/v4/projects?page=2>; rel="next"',
};

function rewrite(query: string, headers: Record<string, string> = prismHeaders) {
  return rewritePagingHeaders(new URL(`${base}?${query}`), headers);
}

describe("rewritePagingHeaders, offset paging", () => {
  it("page 1 has a next page, no previous page, and first/next/last links", () => {
    const out = rewrite("page=1&per_page=20&archived=false");
    expect(out["x-page"]).toBe("1");
    expect(out["x-next-page"]).toBe("2");
    expect(out["x-prev-page"]).toBe("");
    expect(out["x-per-page"]).toBe("20");
    expect(out.link).toBe(
      [
        `<${base}?page=1&per_page=20&archived=false>; rel="first"`,
        `<${base}?page=2&per_page=20&archived=false>; rel="next"`,
        `<${base}?page=3&per_page=20&archived=false>; rel="last"`,
      ].join(", "),
    );
  });

  it("page 2 points both ways", () => {
    const out = rewrite("per_page=10&page=2");
    expect(out["x-page"]).toBe("2");
    expect(out["x-next-page"]).toBe("3");
    expect(out["x-prev-page"]).toBe("1");
    expect(out["x-per-page"]).toBe("10");
    expect(out.link).toBe(
      [
        `<${base}?per_page=10&page=1>; rel="first"`,
        `<${base}?per_page=10&page=1>; rel="prev"`,
        `<${base}?per_page=10&page=3>; rel="next"`,
        `<${base}?per_page=10&page=3>; rel="last"`,
      ].join(", "),
    );
  });

  it("the last page has an empty X-Next-Page and no next link", () => {
    const out = rewrite("page=3&per_page=20");
    expect(out["x-page"]).toBe("3");
    expect(out["x-next-page"]).toBe("");
    expect(out["x-prev-page"]).toBe("2");
    expect(out.link).toBe(
      [
        `<${base}?page=1&per_page=20>; rel="first"`,
        `<${base}?page=2&per_page=20>; rel="prev"`,
        `<${base}?page=3&per_page=20>; rel="last"`,
      ].join(", "),
    );
  });

  it("per_page alone means page 1, and keeps totals and other headers as Prism sent them", () => {
    const out = rewrite("per_page=5");
    expect(out["x-page"]).toBe("1");
    expect(out["x-next-page"]).toBe("2");
    expect(out["x-per-page"]).toBe("5");
    expect(out["x-total"]).toBe("45");
    expect(out["x-total-pages"]).toBe("3");
    expect(out["content-type"]).toBe("application/json");
  });

  it("a client walking X-Next-Page from page 1 stops after X-Total-Pages pages", () => {
    const pages: string[] = [];
    let page = "1";
    while (page !== "" && pages.length < 10) {
      pages.push(page);
      page = String(rewrite(`page=${page}&per_page=20`)["x-next-page"]);
    }
    expect(pages).toEqual(["1", "2", "3"]);
  });

  it("matches header names case-insensitively and returns lower-case names", () => {
    const out = rewrite("page=2", { "X-Total-Pages": "2", "X-Next-Page": "2" });
    expect(out).toEqual({
      "x-total-pages": "2",
      "x-page": "2",
      "x-next-page": "",
      "x-prev-page": "1",
      link: `<${base}?page=1>; rel="first", <${base}?page=1>; rel="prev", <${base}?page=2>; rel="last"`,
    });
  });

  it("leaves headers alone without X-Total-Pages or without paging parameters", () => {
    expect(rewrite("page=2", { "x-next-page": "2" })).toEqual({ "x-next-page": "2" });
    expect(rewrite("archived=true")).toEqual(prismHeaders);
    expect(rewrite("page=2", { ...prismHeaders, "x-total-pages": "string" })).toEqual({
      ...prismHeaders,
      "x-total-pages": "string",
    });
  });

  it("does not modify the headers object it is given", () => {
    const input = { ...prismHeaders };
    rewritePagingHeaders(new URL(`${base}?page=3`), input);
    rewritePagingHeaders(new URL(`${base}?pagination=keyset`), input);
    expect(input).toEqual(prismHeaders);
  });
});

describe("rewritePagingHeaders, keyset paging", () => {
  it("the first page links to id_after=1000 and drops the totals and page numbers", () => {
    const out = rewrite("pagination=keyset&per_page=20&order_by=id&sort=asc");
    expect(out.link).toBe(`<${base}?pagination=keyset&per_page=20&order_by=id&sort=asc&id_after=1000>; rel="next"`);
    expect(out["x-per-page"]).toBe("20");
    for (const name of ["x-total", "x-total-pages", "x-page", "x-next-page", "x-prev-page"]) {
      expect(out).not.toHaveProperty(name);
    }
  });

  it("follows the counter in id_after and has no next link on the last page", () => {
    expect(rewrite("pagination=keyset&per_page=20&id_after=1000").link).toBe(
      `<${base}?pagination=keyset&per_page=20&id_after=2000>; rel="next"`,
    );
    const last = rewrite("pagination=keyset&per_page=20&id_after=2000");
    expect(last).not.toHaveProperty("link");
    expect(last["content-type"]).toBe("application/json");
  });

  it("a client following rel=next gets exactly X-Total-Pages pages", () => {
    let next: string | undefined = `${base}?pagination=keyset&per_page=20`;
    const visited: string[] = [];
    while (next && visited.length < 10) {
      visited.push(next);
      const link: HeaderMap[string] = rewritePagingHeaders(new URL(next), prismHeaders).link;
      next = typeof link === "string" ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
    }
    expect(visited.map((url) => new URL(url).searchParams.get("id_after"))).toEqual([null, "1000", "2000"]);
  });
});
