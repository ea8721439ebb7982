import { ConfigurationError, formBodyOptions, toFormData, toFormFields, toUrlEncoded } from "@dataclients/core";
import { describe, expect, it } from "vitest";

describe("toFormFields", () => {
  it("nests objects as bracketed keys, arrays as [], and keeps already bracketed keys", () => {
    expect(
      toFormFields({
        name: "demo",
        "permissions[project_access]": "null",
        variables: { _PIPELINE_FILE_NAME: "full-ci.yml", nested: { deep: "x" } },
        topics: ["etl", "dbt"],
      }),
    ).toEqual([
      ["name", "demo"],
      ["permissions[project_access]", "null"],
      ["variables[_PIPELINE_FILE_NAME]", "full-ci.yml"],
      ["variables[nested][deep]", "x"],
      ["topics[]", "etl"],
      ["topics[]", "dbt"],
    ]);
  });

  it("encodes arrays of objects the way Rails groups them (a[][k])", () => {
    expect(
      toFormFields({
        variables: [
          { key: "A", value: "1" },
          { key: "B", value: "2", variable_type: "file" },
        ],
      }),
    ).toEqual([
      ["variables[][key]", "A"],
      ["variables[][value]", "1"],
      ["variables[][key]", "B"],
      ["variables[][value]", "2"],
      ["variables[][variable_type]", "file"],
    ]);
  });

  it("writes scalars as Rails reads them, and leaves out undefined and empty containers", () => {
    const when = new Date("2026-03-01T10:00:00Z");
    expect(
      toFormFields({
        active: true,
        protected: false,
        id: 21816,
        big: 12n,
        at: when,
        cleared: null,
        skipped: undefined,
        none: [],
        empty: {},
      }),
    ).toEqual([
      ["active", "true"],
      ["protected", "false"],
      ["id", "21816"],
      ["big", "12"],
      ["at", "2026-03-01T10:00:00.000Z"],
      ["cleared", ""],
    ]);
  });

  it('never invents the text null: only a literal "null" is sent as null', () => {
    const fields = toFormFields({ a: null, "permissions[project_access]": "null" });
    expect(fields).toEqual([
      ["a", ""],
      ["permissions[project_access]", "null"],
    ]);
  });

  it.each([
    [{ n: Number.NaN }, 'field "n" is not a finite number'],
    [{ d: new Date("nope") }, 'field "d" is an invalid Date'],
    [{ a: [["x"]] }, 'field "a[]" is an array inside an array'],
    [{ f: () => 1 }, 'field "f" is a function'],
    [{ m: new Map() }, 'field "m" is a Map'],
  ])("rejects %o naming the field", (body, message) => {
    expect(() => toFormFields(body)).toThrow(ConfigurationError);
    expect(() => toFormFields(body)).toThrow(message);
  });

  it("rejects a circular object instead of recursing forever", () => {
    const body: Record<string, unknown> = { name: "x" };
    body.self = body;
    expect(() => toFormFields(body)).toThrow("nested too deeply (or circular)");
  });

  it.each([null, "name=x", ["a"], new FormData()])("rejects a non-object body %o", (body) => {
    expect(() => toFormFields(body)).toThrow("expected a plain object of fields");
  });

  it("never puts a value in an error message", () => {
    const secret = "glpat-very-secret-value";
    expect(() => toFormFields({ token: secret, bad: [[secret]] })).toThrow(/^(?!.*glpat).*$/);
  });
});

describe("serializers", () => {
  const seedForm = {
    name: "<example-name>",
    description: "<example-description>",
    "permissions[project_access]": "null",
  };

  it("URL-encodes brackets and values", () => {
    expect(toUrlEncoded(seedForm).toString()).toBe(
      "name=%3Cexample-name%3E&description=%3Cexample-description%3E&permissions%5Bproject_access%5D=null",
    );
    expect(() => toUrlEncoded({ file: new Blob(["x"]) })).toThrow('field "file" is a file; send it with multipart');
  });

  it("builds multipart FormData with files kept as files", async () => {
    const data = toFormData({ ...seedForm, file: new Blob(["zip"], { type: "application/zip" }) });
    expect([...data.keys()]).toEqual(["name", "description", "permissions[project_access]", "file"]);
    expect(data.get("permissions[project_access]")).toBe("null");
    const file = data.get("file") as Blob;
    expect(await file.text()).toBe("zip");
  });

  it("formBodyOptions gives openapi-fetch a serializer and, for URL-encoding, the content type", async () => {
    const multipart = formBodyOptions("multipart");
    expect(multipart.headers).toBeUndefined();
    expect(multipart.bodySerializer({ a: { b: "c" } })).toBeInstanceOf(FormData);

    const urlencoded = formBodyOptions("urlencoded");
    expect(urlencoded.headers).toEqual({ "Content-Type": "application/x-www-form-urlencoded" });
    expect(urlencoded.bodySerializer({ variables: { K: "v w" } })).toBe("variables%5BK%5D=v+w");

    expect(() => formBodyOptions("xml" as "multipart")).toThrow('encoding must be "multipart" or "urlencoded"');
  });

  it("a multipart request built from it is what curl --form sends", async () => {
    const request = new Request("http://127.0.0.1/x", { method: "POST", body: toFormData(seedForm) });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const text = await request.text();
    expect(text).toContain('Content-Disposition: form-data; name="permissions[project_access]"\r\n\r\nnull\r\n');
  });
});
