// The hand-kept list of operations that need no access token must match the spec's `security`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TOKEN_OPTIONAL_LIST_PATHS, TOKEN_OPTIONAL_OPERATIONS } from "../../src/token-rules.js";

interface SpecOperation {
  operationId: string;
  security?: Array<Record<string, unknown>>;
  responses: Record<string, { $ref?: string }>;
}

const specPath = fileURLToPath(new URL("../../../../specs/dataops-live/openapi.yaml", import.meta.url));
const spec = parse(readFileSync(specPath, "utf8")) as { paths: Record<string, Record<string, SpecOperation>> };
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  ["get", "put", "post", "delete"].flatMap((method) => (item[method] ? [{ path, method, ...item[method] }] : [])),
);
// No security, or an empty requirement ({}) among the alternatives: the call works without a token.
const tokenOptional = operations.filter(
  (op) => op.security && (op.security.length === 0 || op.security.some((s) => Object.keys(s).length === 0)),
);

describe("token rules", () => {
  it("TOKEN_OPTIONAL_OPERATIONS is exactly the spec's operations with optional or no security", () => {
    expect([...TOKEN_OPTIONAL_OPERATIONS].sort()).toEqual(tokenOptional.map((op) => op.operationId).sort());
  });

  it("TOKEN_OPTIONAL_LIST_PATHS is exactly their list (array-answering GET) paths", () => {
    const lists = tokenOptional.filter((op) => op.method === "get" && /List$/.test(op.responses["200"]?.$ref ?? ""));
    expect([...TOKEN_OPTIONAL_LIST_PATHS].sort()).toEqual(lists.map((op) => op.path).sort());
  });
});
