// One `vitest run` for the whole repo: unit (injected fetch, no server), types (expectTypeOf) and
// contract (every operation against the Prism mocks, started once per run in global setup on free ports).
// Workspace packages resolve to their src, so tests never run against a stale dist.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^@dataclients\/([a-z0-9-]+)$/, replacement: `${packagesDir}$1/src/index.ts` }],
  },
  test: {
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    // `pnpm test:coverage`: line/branch coverage of the published sources by the unit tests alone.
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      exclude: ["packages/*/src/generated/**"],
      reporter: ["text", "json-summary"],
      reportsDirectory: "reports/coverage",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/unit/**/*.test.ts", "test/scripts/**/*.test.ts", "test/faults/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["packages/*/test/types/**/*.test-d.ts"],
            tsconfig: "./tsconfig.typetests.json",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["packages/*/test/contract/**/*.test.ts"],
          globalSetup: ["test/setup/mocks.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The clients bundled from src and run in headless Chromium against the same mocks as the contract project
        // (test/setup/mocks.ts shares one Prism per vendor between both, each project on its own entrance port);
        // skipped (not passed) without /usr/bin/chromium. Only the contract project's traffic counts as coverage.
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/setup/mocks.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
