import { nextPageFromHeaders, queryFromUrl, readPageHeaders } from "@dataclients/core";
import { describe, expect, it } from "vitest";

const base = "https://gitlab.example.com/api/v4/projects";

describe("nextPageFromHeaders", () => {
  it("reads X-Next-Page on a middle page", () => {
    const headers = new Headers({
      "x-page": "2",
      "x-next-page": "3",
      "x-prev-page": "1",
      link: `<${base}?page=3>; rel="next"`,
    });
    expect(nextPageFromHeaders(headers)).toEqual({ page: 3 });
  });

  it("ends on an empty X-Next-Page even when a stale Link says otherwise", () => {
    expect(nextPageFromHeaders(new Headers({ "x-next-page": "", link: `<${base}?page=9>; rel="next"` }))).toBe(
      undefined,
    );
    expect(nextPageFromHeaders(new Headers({ "x-next-page": "  " }))).toBe(undefined);
  });

  it("pages without X-Total / X-Total-Pages (results above 10,000 records)", () => {
    const headers = new Headers({ "x-page": "120", "x-per-page": "100", "x-next-page": "121", "x-prev-page": "119" });
    expect(nextPageFromHeaders(headers)).toEqual({ page: 121 });
    expect(readPageHeaders(headers)).toMatchObject({ page: 120, total: undefined, totalPages: undefined });
  });

  it("follows Link rel=next when there is no X-Next-Page (keyset paging)", () => {
    const next = `${base}?order_by=id&pagination=keyset&per_page=2&sort=asc&id_after=42`;
    expect(nextPageFromHeaders(new Headers({ link: `<${next}>; rel="next"` }))).toEqual({ url: next });
  });

  it("falls back to Link when X-Next-Page is not a number, and gives undefined with neither", () => {
    expect(nextPageFromHeaders(new Headers({ "x-next-page": "string", link: `<${base}?page=2>; rel="next"` }))).toEqual(
      { url: `${base}?page=2` },
    );
    expect(nextPageFromHeaders(new Headers({ "x-next-page": "string" }))).toBe(undefined);
    expect(nextPageFromHeaders(new Headers({ link: `<${base}?page=1>; rel="first"` }))).toBe(undefined);
    expect(nextPageFromHeaders(new Headers())).toBe(undefined);
  });
});

describe("readPageHeaders", () => {
  it("reads every GitLab paging header", () => {
    const headers = new Headers({
      "X-Page": "1",
      "X-Per-Page": "20",
      "X-Next-Page": "2",
      "X-Prev-Page": "",
      "X-Total": "45",
      "X-Total-Pages": "3",
      Link: `<${base}?page=2>; rel="next", <${base}?page=1>; rel="first", <${base}?page=3>; rel="last"`,
    });
    expect(readPageHeaders(headers)).toEqual({
      page: 1,
      perPage: 20,
      nextPage: 2,
      prevPage: undefined,
      total: 45,
      totalPages: 3,
      links: { next: `${base}?page=2`, first: `${base}?page=1`, last: `${base}?page=3` },
    });
  });
});

describe("queryFromUrl", () => {
  it("keeps every parameter, decodes values and collects repeated names into arrays", () => {
    expect(queryFromUrl(`${base}?pagination=keyset&id_after=7&scope[]=a&scope[]=b&search=a%20b`)).toEqual({
      pagination: "keyset",
      id_after: "7",
      "scope[]": ["a", "b"],
      search: "a b",
    });
  });

  it("accepts a relative link", () => {
    expect(queryFromUrl("/api/v4/projects?page=2")).toEqual({ page: "2" });
  });
});
