import { describe, expect, it } from "vitest";
import { type DocumentedOperation, operationMatcher } from "../../scripts/lib/operation-coverage.js";
import { templateMatcher } from "../../scripts/lib/path-templates.js";

const templates = [
  { method: "GET", path: "/files/{connector}/{path}", multiSegment: ["path"] },
  { method: "GET", path: "/files/{connector}/meta/{name}", multiSegment: [] },
  { method: "GET", path: "/files/{connector}/{path}/versions", multiSegment: ["path"] },
  { method: "GET", path: "/projects/{id}", multiSegment: [] },
];

describe("templateMatcher", () => {
  const match = templateMatcher(templates);

  it("encodes the slashes inside a multi-segment parameter, and only there", () => {
    expect(match("GET", "/files/Demo/a/b/c.csv")).toMatchObject({
      template: { path: "/files/{connector}/{path}" },
      prismPath: "/files/Demo/a%2Fb%2Fc.csv",
    });
    expect(match("get", "/files/Demo/a/b.csv/versions")?.prismPath).toBe("/files/Demo/a%2Fb.csv/versions");
    expect(match("GET", "/files/Demo/a%2Fb.csv")?.prismPath).toBe("/files/Demo/a%2Fb.csv");
    expect(match("GET", "/files/Demo/a/b.csv/")?.prismPath).toBe("/files/Demo/a%2Fb.csv/");
  });

  it("prefers the template with more literal text, and leaves single-segment parameters alone", () => {
    expect(match("GET", "/files/Demo/meta/x.csv")?.template.path).toBe("/files/{connector}/meta/{name}");
    expect(match("GET", "/projects/a%2Fb")?.prismPath).toBe("/projects/a%2Fb");
    expect(match("GET", "/projects/a/b")).toBeUndefined();
    expect(match("POST", "/projects/1")).toBeUndefined();
  });
});

describe("operationMatcher", () => {
  const operation = (operationId: string, path: string, multiSegment: string[]): DocumentedOperation =>
    ({
      operationId,
      method: "GET",
      path,
      multiSegment,
      statuses: ["200"],
      summary: "",
      tags: [],
      credentials: "required",
    }) as unknown as DocumentedOperation;
  const match = operationMatcher([
    operation("downloadFile", "/files/{connector}/{path}", ["path"]),
    operation("listVersions", "/files/{connector}/{path}/versions", ["path"]),
    operation("getProject", "/projects/{id}", []),
  ]);

  it("maps a multi-segment request to its operation in both forms", () => {
    expect(match("GET", "/files/Demo/a/b.csv")?.operationId).toBe("downloadFile");
    expect(match("GET", "/files/Demo/a%2Fb.csv")?.operationId).toBe("downloadFile");
    expect(match("GET", "/files/Demo/a/b.csv/versions")?.operationId).toBe("listVersions");
    expect(match("GET", "/projects/group%2Fproject")?.operationId).toBe("getProject");
    expect(match("GET", "/projects/group/project")).toBeUndefined();
  });
});
