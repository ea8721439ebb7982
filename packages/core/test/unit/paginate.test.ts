import { AbortError, ConfigurationError, paginate, parseLinkHeader } from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";

// Three pages: [1,2] → [3,4] → [5], the cursor is the next page number.
function threePages() {
  const data: Record<number, number[]> = { 1: [1, 2], 2: [3, 4], 3: [5] };
  return vi.fn(async (cursor: number | undefined, _signal?: AbortSignal) => {
    const page = cursor ?? 1;
    return {
      items: data[page] ?? [],
      next: page < 3 ? page + 1 : undefined,
      response: new Response(null, { headers: { "x-page": String(page) } }),
    };
  });
}

describe("paginate", () => {
  it("yields every item across pages, in order", async () => {
    const fetchPage = threePages();
    const seen: number[] = [];
    for await (const item of paginate(fetchPage)) seen.push(item);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, 2, 3]);
  });

  it("collects everything with toArray", async () => {
    expect(await paginate(threePages()).toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives pages with their index and response", async () => {
    const pages = [];
    for await (const page of paginate(threePages()).pages()) pages.push(page);
    expect(pages.map((p) => [p.index, p.items, p.response?.headers.get("x-page")])).toEqual([
      [1, [1, 2], "1"],
      [2, [3, 4], "2"],
      [3, [5], "3"],
    ]);
  });

  it("stops at maxPages without fetching further", async () => {
    const fetchPage = threePages();
    expect(await paginate(fetchPage, { maxPages: 2 }).toArray()).toEqual([1, 2, 3, 4]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("makes no extra request when the consumer breaks early", async () => {
    const fetchPage = threePages();
    const seen: number[] = [];
    for await (const item of paginate(fetchPage)) {
      seen.push(item);
      if (item === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it("fetches each page only when the previous one has been consumed", async () => {
    const fetchPage = threePages();
    const iterator = paginate(fetchPage).pages()[Symbol.asyncIterator]();
    expect(fetchPage).toHaveBeenCalledTimes(0);
    await iterator.next();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    await iterator.next();
    expect(fetchPage).toHaveBeenCalledTimes(2);
    await iterator.return?.();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("passes the signal to fetchPage and stops with AbortError when it fires", async () => {
    const controller = new AbortController();
    const fetchPage = threePages();
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of paginate(fetchPage, { signal: controller.signal })) {
        seen.push(item);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toEqual([1, 2]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage.mock.calls[0]?.[1]).toBe(controller.signal);
  });

  it("fetches nothing when the signal is already aborted", async () => {
    const fetchPage = threePages();
    await expect(paginate(fetchPage, { signal: AbortSignal.abort() }).toArray()).rejects.toBeInstanceOf(AbortError);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it("propagates a page error", async () => {
    const fetchPage = vi.fn(async (cursor: number | undefined) => {
      if (cursor === 2) throw new Error("page 2 failed");
      return { items: ["a"], next: 2 };
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of paginate(fetchPage)) seen.push(item);
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe("page 2 failed");
    expect(seen).toEqual(["a"]);
  });

  it.each([0, -1, Number.NaN])("rejects maxPages %d", (maxPages) => {
    expect(() => paginate(threePages(), { maxPages })).toThrow(ConfigurationError);
    expect(() => paginate(threePages(), { maxPages })).toThrow(`\`maxPages\` must be at least 1; got ${maxPages}`);
  });
});

describe("parseLinkHeader", () => {
  it("parses GitLab's multi-rel header", () => {
    const base = "https://gitlab.example.com/api/v4/projects/8/issues/8/notes";
    const header = [
      `<${base}?page=1&per_page=3>; rel="prev"`,
      `<${base}?page=3&per_page=3>; rel="next"`,
      `<${base}?page=1&per_page=3>; rel="first"`,
      `<${base}?page=4&per_page=3>; rel="last"`,
    ].join(", ");
    expect(parseLinkHeader(header)).toEqual({
      prev: `${base}?page=1&per_page=3`,
      next: `${base}?page=3&per_page=3`,
      first: `${base}?page=1&per_page=3`,
      last: `${base}?page=4&per_page=3`,
    });
  });

  it("accepts unquoted rels, other parameters, several rels in one and commas inside URLs", () => {
    expect(
      parseLinkHeader('<https://a.example/x?ids=1,2>; rel=next, <https://a.example/y>; title="Y"; rel="last first"'),
    ).toEqual({ next: "https://a.example/x?ids=1,2", last: "https://a.example/y", first: "https://a.example/y" });
    expect(parseLinkHeader("<https://a.example/k>;REL=Next")).toEqual({ next: "https://a.example/k" });
  });

  it("keeps the first URL of a repeated rel and skips malformed parts", () => {
    expect(parseLinkHeader('<https://a/1>; rel="next", <https://a/2>; rel="next", garbage, <https://a/3>')).toEqual({
      next: "https://a/1",
    });
  });

  it.each([null, undefined, ""])("gives {} for %j", (value) => {
    expect(parseLinkHeader(value)).toEqual({});
  });
});
