import { describe, expect, it } from "vitest";
import { rewriteBodyPage } from "../../scripts/lib/paging/body.js";
import { rewriteEnvelope } from "../../scripts/lib/paging/envelope.js";
import { pagingConfigOf, pagingStepFor } from "../../scripts/lib/paging/index.js";

const envelopeFields = { page: "page", size: "limit", items: "results", next: "next_page", total: "total" };
const example = { pages: 1, total: 2, next_page: "https://elsewhere.example/v2/x?page=2", results: [1, 2] };

describe("pagingStepFor", () => {
  it("picks the step by style, and none without the extension", () => {
    const config = (paging: unknown) => pagingConfigOf({ "x-dataclients-paging": paging }, "spec.yaml");
    expect(pagingStepFor(pagingConfigOf({}, "spec.yaml"), "spec.yaml")).toBeUndefined();
    expect(pagingStepFor(config({ style: "headers", page: "page", size: "per_page" }), "s")).toMatchObject({
      readsRequestBody: false,
      rewritesBody: false,
    });
    expect(
      pagingStepFor(config({ style: "envelope", page: "page", size: "limit", items: "results", next: "n" }), "s"),
    ).toMatchObject({ readsRequestBody: false, rewritesBody: true });
    expect(pagingStepFor(config({ style: "body", page: "p.n", size: "p.s", items: "rows" }), "s")).toMatchObject({
      readsRequestBody: true,
      rewritesBody: true,
    });
  });

  it("names the spec and the field when the declaration is unusable", () => {
    expect(() => pagingConfigOf({ "x-dataclients-paging": { style: "cursor" } }, "a.yaml")).toThrow(
      'a.yaml#/x-dataclients-paging/style: must be one of headers, envelope, body (got "cursor")',
    );
    expect(() => pagingConfigOf({ "x-dataclients-paging": { style: "headers", page: "page" } }, "a.yaml")).toThrow(
      "a.yaml#/x-dataclients-paging: names its `page` and `size` parameters",
    );
    // One reader for the generator and the proxy: the declaration fails where it is read, before any step is built.
    expect(() =>
      pagingConfigOf({ "x-dataclients-paging": { style: "envelope", page: "page", size: "limit" } }, "a.yaml"),
    ).toThrow("a.yaml#/x-dataclients-paging: an envelope style names its `items` and `next` fields");
  });
});

describe("rewriteEnvelope", () => {
  const url = (query: string) => new URL(`http://127.0.0.1:4012/v2/x?${query}`);

  it("points next_page at page+1 on the request's own origin, keeping the other parameters", () => {
    expect(rewriteEnvelope(url("limit=2&q=a"), example, envelopeFields)).toEqual({
      pages: 3,
      total: 6,
      next_page: "http://127.0.0.1:4012/v2/x?limit=2&q=a&page=2",
      results: [1, 2],
    });
    expect(rewriteEnvelope(url("page=3&limit=2"), example, envelopeFields)).toMatchObject({ next_page: null });
  });

  it("does not add fields the example lacks, and leaves non-envelopes alone", () => {
    const bare = { next_page: "x", results: [1] };
    expect(rewriteEnvelope(url("page=2"), bare, envelopeFields)).toEqual({
      next_page: "http://127.0.0.1:4012/v2/x?page=3",
      results: [1],
    });
    expect(rewriteEnvelope(url("page=2"), [1, 2], envelopeFields)).toEqual([1, 2]);
    expect(rewriteEnvelope(url("page=2"), { results: [1] }, envelopeFields)).toEqual({ results: [1] });
  });

  it("does not modify Prism's body", () => {
    const input = structuredClone(example);
    rewriteEnvelope(url("page=9&limit=1"), input, envelopeFields);
    expect(input).toEqual(example);
  });
});

describe("rewriteBodyPage", () => {
  const fields = { page: "cursor.page", size: "cursor.size", items: "items", total: "total" };
  const answer = { items: ["a", "b", "c"], total: 3, page: 1, pageNumber: 1 };

  it("reads the page and size at dotted paths and echoes the page number", () => {
    expect(rewriteBodyPage({ cursor: { page: 3, size: 2 } }, answer, fields)).toEqual({
      items: ["a", "b"],
      total: 6,
      page: 3,
      pageNumber: 3,
    });
    expect(rewriteBodyPage({ cursor: { page: 4, size: 2 } }, answer, fields)).toMatchObject({ items: [], page: 4 });
  });

  it("only pages a request with a JSON object body and an answer with the items array", () => {
    expect(rewriteBodyPage(undefined, answer, fields)).toBe(answer);
    expect(rewriteBodyPage({}, { total: 1 }, fields)).toEqual({ total: 1 });
  });
});
