// The published clients in a real browser: page-script.ts is bundled from packages/*/src for the browser
// platform (so any Node-only import fails the bundle), served from 127.0.0.1 and run in headless Chromium
// against this run's Prism mocks (cross-origin, so CORS preflights are part of every call).
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mockUrl } from "../support/mock-url.js";
import {
  bundlePageScript,
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  type PageBundle,
  type StaticServer,
  serve,
} from "./harness.js";
import type { CheckName, CheckResult, PageMocks } from "./page-script.js";

const skipReason = `${CHROMIUM_PATH} not found (apt-get install chromium)`;
if (!hasChromium) console.warn(`browser tests skipped: ${skipReason}`);
const title = hasChromium ? "clients in headless Chromium" : `clients in headless Chromium — skipped: ${skipReason}`;

describe.skipIf(!hasChromium)(title, () => {
  let bundle: PageBundle;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let mocks: PageMocks;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    bundle = await bundlePageScript();
    server = await serve(bundle.code, { "/redirect/dataops-live": mockUrl("dataops-live") });
    mocks = {
      solucao42: mockUrl("solucao42"),
      "dataops-live": mockUrl("dataops-live"),
      redirectingDataopsLive: `${server.url}redirect/dataops-live`,
    };
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => window.dataclientsChecks !== undefined, null, { timeout: 10_000 });
  });

  afterAll(async () => {
    // Each step runs even if an earlier one fails, so no Chromium or server outlives the suite.
    const results = await Promise.allSettled([browser?.close(), server?.close()]);
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    if (failed.length > 0) throw new AggregateError(failed, "closing the browser harness failed");
  });

  afterEach(() => {
    expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
  });

  function run<N extends CheckName>(name: N): Promise<CheckResult<N>> {
    return page.evaluate(
      ([check, urls]) => {
        if (!window.dataclientsChecks) throw new Error("the page script did not load");
        return window.dataclientsChecks.run(check, urls);
      },
      [name, mocks] as const,
    ) as Promise<CheckResult<N>>;
  }

  it("bundles the packages from their sources, with no Node built-in", () => {
    for (const dir of ["core", "auth", "solucao42", "dataops-live"]) {
      expect(bundle.inputs).toContain(`packages/${dir}/src/index.ts`);
    }
    // Everything else is the page script and the one runtime dependency: no package dist/, no Node built-in.
    const others = bundle.inputs.filter((file) => !/^packages\/[a-z0-9-]+\/src\//.test(file));
    expect(others.filter((file) => !/\/node_modules\/openapi-fetch\//.test(file))).toEqual([
      "test/browser/page-script.ts",
    ]);
  });

  describe("Solucao42", () => {
    it("logs in with the API key once, then sends the bearer token", async () => {
      const result = await run("solucao42 login and permissions");
      expect(result.actions).toEqual(["data_api:execute", "data_api:get_job"]);
      expect(result.sameActionsTwice).toBe(true);
      expect(result.requests).toEqual([
        "POST /api/v1/auth/api-key",
        "GET /api/v1/auth/permissions",
        "GET /api/v1/auth/permissions",
      ]);
      expect(result.bearerOnPermissions).toEqual([true, true]);
      expect(result.apiKeyOnlyInLogin).toEqual([true, false, false]);
    });

    it("execute: a sync endpoint answers rows", async () => {
      expect(await run("solucao42 sync execute")).toEqual({ mode: "sync", rows: [{ regiao: "Sul", total: 150000 }] });
    });

    it("execute: an async endpoint (Prefer: code=202) answers a job", async () => {
      expect(await run("solucao42 async execute")).toEqual({
        mode: "async",
        jobId: "507f1f77bcf86cd799439011",
        status: "processing",
      });
    });

    it("executeAndWait polls the job to its rows", async () => {
      expect(await run("solucao42 executeAndWait")).toEqual({
        polled: ["completed"],
        rowCount: 2,
        truncated: false,
        firstRow: { regiao: "Sul", total: 150000 },
      });
    });

    it("a 404 is a NotFoundError with the vendor's code", async () => {
      expect(await run("solucao42 404")).toMatchObject({
        name: "NotFoundError",
        isNotFoundError: true,
        status: 404,
        code: "ENDPOINT_NOT_FOUND",
      });
    });

    it("an aborted signal is an AbortError, before anything is sent", async () => {
      expect(await run("solucao42 aborted signal")).toMatchObject({ name: "AbortError", isAbortError: true });
    });
  });

  describe("DataOps.live", () => {
    it("listProjects follows X-Next-Page over 3 pages", async () => {
      const result = await run("dataops-live listProjects over 3 pages");
      expect(result.pages).toEqual([
        { index: 1, items: 1, xPage: 1, nextPage: 2 },
        { index: 2, items: 1, xPage: 2, nextPage: 3 },
        { index: 3, items: 1, xPage: 3, nextPage: null },
      ]);
      expect(result.itemIds).toHaveLength(3);
      expect(result.itemIds[0]).toBe(21816);
    });

    it("triggerPipeline sends the trigger token in the body and no access token", async () => {
      const result = await run("dataops-live triggerPipeline");
      expect(result).toMatchObject({
        id: 290,
        source: "trigger",
        anonymousId: 290,
        request: "POST /api/v4/projects/21816/trigger/pipeline",
        privateTokenHeader: null,
        authorizationHeader: null,
        triggerTokenInBody: true,
      });
      expect(result.body).toMatchObject({ ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } });
    });

    it("waitForPipeline returns the settled pipeline", async () => {
      expect(await run("dataops-live waitForPipeline")).toMatchObject({ status: "success", polled: ["success"] });
    });

    it("the job log, as text and as a web stream", async () => {
      const result = await run("dataops-live job trace");
      expect(result.firstLine).toMatch(/^Running with gitlab-runner /);
      expect(result.isReadableStream).toBe(true);
      expect(result.sameAsStreamed).toBe(true);
    });

    it("an anonymous GET /namespaces is a 401 with GitLab's body", async () => {
      expect(await run("dataops-live anonymous GET /namespaces")).toEqual({
        status: 401,
        error: { message: "401 Unauthorized" },
      });
    });

    it("aborting waitForPipeline mid-wait is an AbortError", async () => {
      const result = await run("dataops-live abort during waitForPipeline");
      expect(result).toMatchObject({ name: "AbortError", isAbortError: true });
      expect(result.polls).toBeGreaterThan(0);
    });

    it("a redirect stops a credentialed download and is followed by an anonymous one", async () => {
      const result = await run("dataops-live redirected download");
      expect(result.withToken).toMatchObject({ name: "ConnectionError", isConnectionError: true });
      expect(result.withToken.message).toMatch(/was redirected, and a browser hides the target/);
      expect(result.anonymous).toMatchObject({ filename: "artifacts.zip", redirected: true });
      expect(result.anonymous.bytes).toBeGreaterThan(0);
    });
  });
});
