// The operation-coverage gate and the registry checks it relies on, on a throwaway registry.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coverageGaps } from "../../scripts/lib/coverage-gaps.js";
import { loadRegistry } from "../../scripts/lib/registry.js";
import { vendorsNeededBy } from "../../scripts/lib/test-vendors.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "coverage-gaps-test-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function spec(port: number) {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    servers: [{ url: "https://api.example.com/v1" }, { url: `http://127.0.0.1:${port}/v1` }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          summary: "s",
          responses: { "200": { description: "ok" }, "404": { description: "no" } },
        },
      },
    },
  };
}

function registry(vendors: Record<string, number>): void {
  const lines = ["apis:"];
  for (const [dir, port] of Object.entries(vendors)) {
    mkdirSync(join(root, "specs", dir), { recursive: true });
    writeFileSync(join(root, "specs", dir, "openapi.yaml"), JSON.stringify(spec(port)));
    lines.push(`  ${dir}: { root: specs/${dir}/openapi.yaml, x-display-name: ${dir} }`);
  }
  writeFileSync(join(root, "redocly.yaml"), `${lines.join("\n")}\n`);
}

function contractTest(dir: string): string {
  const file = join(root, "packages", dir, "test", "contract", "things.test.ts");
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, `// uses mockUrl("${dir}")\n`);
  return file;
}

describe("coverageGaps", () => {
  it("fails a registered spec without contract tests, naming it", () => {
    registry({ tested: 4901, untested: 4902 });
    contractTest("tested");
    mkdirSync(join(root, "packages", "untested", "test", "contract"), { recursive: true }); // empty dir: still none
    const result = coverageGaps(loadRegistry(root), { tested: { listThings: ["200", "404"] } }, root);
    expect(result.problems).toEqual([
      "untested: no contract tests (no *.test.ts under packages/untested/test/contract), so none of its operations is checked against the mock",
    ]);
    expect(result).toMatchObject({ operationsCovered: 1, statusesCovered: 2, statusesDocumented: 2 });
  });

  it("names operations and statuses no contract test exercised", () => {
    registry({ tested: 4901 });
    contractTest("tested");
    expect(coverageGaps(loadRegistry(root), { tested: { listThings: ["200"] } }, root).problems).toEqual([
      "tested: listThings never answered 404 in a contract test",
    ]);
    expect(coverageGaps(loadRegistry(root), {}, root).problems).toEqual([
      "tested: listThings (GET /things) is not exercised by any contract test",
    ]);
  });
});

describe("loadRegistry", () => {
  it("rejects two vendors on one mock port, naming both", () => {
    registry({ first: 4901, second: 4903, third: 4901 });
    expect(() => loadRegistry(root)).toThrow(
      "redocly.yaml: first and third both put their mock on port 4901 (the http://127.0.0.1:<port> server entry of their specs); give each vendor its own port",
    );
  });
});

describe("vendorsNeededBy", () => {
  it("takes the package a test file lives in and every literal mockUrl(...) it makes", () => {
    registry({ alpha: 4901, beta: 4902, gamma: 4903 });
    const inPackage = contractTest("beta");
    const browser = join(root, "test", "browser", "clients.test.ts");
    mkdirSync(join(browser, ".."), { recursive: true });
    writeFileSync(browser, 'const a = mockUrl("alpha");\nconst b = mockUrl( "beta" );\nmockUrl("unknown");\n');
    const registered = ["alpha", "beta", "gamma"];
    expect(vendorsNeededBy([inPackage], registered, root)).toEqual(["beta"]);
    expect(vendorsNeededBy([browser], registered, root)).toEqual(["alpha", "beta"]);
    expect(vendorsNeededBy([], registered, root)).toEqual([]);
  });
});
