// mocks: every registered vendor
// Every registered vendor's client in a real browser, driven by the registry and the specs, not by hand lists: each
// package is bundled from its source for the browser (a Node-only import fails the bundle), the page creates one
// client per security scheme of the spec (a bearer token or an apiKey header, as the scheme says), and calls every
// operation with the spec's examples against the vendor's mock (cross-origin, so CORS preflights are part of every
// call). The answers must be the spec's examples, as in the contract suite. A new vendor is covered on registration.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isObject, loadSpec } from "../../scripts/lib/load-spec.js";
import { documentedOperations } from "../../scripts/lib/operation-coverage.js";
import { pagingOf } from "../../scripts/lib/operation-shape.js";
import { loadRegistry, repoRoot, type Vendor } from "../../scripts/lib/registry.js";
import { operationExamples } from "../../scripts/lib/spec-examples.js";
import { mockUrl } from "../support/mock-url.js";
import { bundleSource, CHROMIUM_PATH, hasChromium, launchChromium, type StaticServer, serve } from "./harness.js";

type Credential = { kind: "bearer" } | { kind: "header"; name: string } | { kind: "none" };

interface PlannedCall {
  operationId: string;
  /** The security scheme whose client makes the call ("" for none). */
  scheme: string;
  args: unknown[];
  kind: "json" | "list" | "download" | "empty";
  expected: unknown;
  /** Body-paged answers are rewritten per page by the mock: only their items field is compared. */
  itemsField?: string;
}

interface VendorPlan {
  dir: string;
  factory: string;
  baseUrl: string;
  credentials: Record<string, Credential>;
  calls: PlannedCall[];
}

/** Each security scheme of the spec as a credential the page can build: http bearer, or an apiKey header. */
function credentialsOf(spec: Record<string, unknown>): Record<string, Credential> {
  const components = isObject(spec.components) ? spec.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const out: Record<string, Credential> = { "": { kind: "none" } };
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    out[name] =
      scheme.type === "apiKey" && scheme.in === "header"
        ? { kind: "header", name: String(scheme.name) }
        : { kind: "bearer" };
  }
  return out;
}

/** Whether a request body carries the body paging style's page field (`requestPageDetails.pageNumber`). */
function isBodyPaged(body: unknown, pagePath: string): boolean {
  const [root] = pagePath.split(".");
  return isObject(body) && root !== undefined && root in body;
}

/** A text example that is JSON is compared parsed, as the page parses what it downloads. */
function parsedIfJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function planFor(vendor: Vendor): VendorPlan {
  const spec = loadSpec(vendor.specPath, repoRoot);
  const paging = pagingOf(spec);
  const calls = documentedOperations(vendor, repoRoot).map((operation): PlannedCall => {
    const examples = operationExamples(spec, operation.path, operation.method);
    const { shape } = operation;
    const both = shape.query && shape.body;
    const input = both
      ? { query: examples.query, body: examples.body?.value }
      : shape.body
        ? examples.body?.value
        : examples.query;
    const hasInput = shape.query !== undefined || shape.body !== undefined;
    const success = operation.statuses.find((status) => status.startsWith("2"));
    const example = success ? examples.responses[success]?.value : undefined;
    const kind = operation.paged ? "list" : shape.response;
    const envelopeItems = kind === "list" && paging?.style === "envelope" ? paging.items : undefined;
    const bodyPaged = paging?.style === "body" && paging.items && isBodyPaged(examples.body?.value, paging.page);
    return {
      operationId: operation.operationId,
      scheme: shape.security[0]?.[0] ?? "",
      args: [...shape.pathParams.map((param) => param.example), ...(hasInput ? [input] : []), { maxPages: 1 }],
      kind,
      expected:
        envelopeItems && isObject(example)
          ? example[envelopeItems]
          : kind === "download"
            ? parsedIfJson(example)
            : example,
      ...(bodyPaged && paging?.items ? { itemsField: paging.items } : {}),
    };
  });
  return {
    dir: vendor.dir,
    factory: `create${vendor.identifier}Client`,
    baseUrl: mockUrl(vendor.dir),
    credentials: credentialsOf(spec.root.data as Record<string, unknown>),
    calls,
  };
}

const vendors = loadRegistry(repoRoot);
const skipReason = `${CHROMIUM_PATH} not found (apt-get install chromium)`;
const title = hasChromium
  ? "every vendor in headless Chromium"
  : `every vendor in headless Chromium — skipped: ${skipReason}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const imports = vendors.map((vendor, i) => `import * as v${i} from "@dataclients/${vendor.dir}";`).join("\n");
    const table = vendors.map((vendor, i) => `${JSON.stringify(vendor.dir)}: v${i}`).join(", ");
    const bundle = await bundleSource(
      `${imports}\nimport { bearer, header } from "@dataclients/auth";\nimport { generatedMethods } from "@dataclients/core";\n(window as unknown as Record<string, unknown>).dataclientsVendors = { packages: { ${table} }, bearer, header, generatedMethods };\n`,
    );
    for (const vendor of vendors) expect(bundle.inputs).toContain(`packages/${vendor.dir}/src/index.ts`);
    server = await serve(bundle.code);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => "dataclientsVendors" in window, null, { timeout: 10_000 });
    // Readiness, not a retry of what is tested: on a loaded machine the page's very first cross-origin connection
    // to a mock has failed as "Failed to fetch" (once in CI, on Node 24); reach every mock from the page first.
    const unreachable = await page.evaluate(
      async (urls) => {
        const failed: string[] = [];
        for (const url of urls) {
          let reached = false;
          for (let attempt = 0; attempt < 5 && !reached; attempt++) {
            reached = await fetch(url, { method: "GET" }).then(
              () => true,
              () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200)),
            );
          }
          if (!reached) failed.push(url);
        }
        return failed;
      },
      vendors.map((vendor) => mockUrl(vendor.dir)),
    );
    expect(unreachable, "mocks the page could not reach").toEqual([]);
  }, 60_000);

  afterAll(async () => {
    const results = await Promise.allSettled([browser?.close(), server?.close()]);
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    if (failed.length > 0) throw new AggregateError(failed, "closing the browser harness failed");
  });

  it.each(vendors.map((vendor) => [vendor.dir, vendor] as const))(
    "%s: every operation answers the spec's example",
    async (_dir, vendor) => {
      const plan = planFor(vendor);
      const answers = await page.evaluate(async (plan) => {
        type Client = Record<string, (...args: unknown[]) => unknown>;
        type Globals = {
          packages: Record<string, Record<string, (options: unknown) => Client>>;
          bearer: (token: string) => unknown;
          header: (name: string, value: string) => unknown;
          generatedMethods: (client: Client) => Client;
        };
        const g = (window as unknown as { dataclientsVendors: Globals }).dataclientsVendors;
        const factory = g.packages[plan.dir]?.[plan.factory];
        if (!factory) throw new Error(`${plan.dir} does not export ${plan.factory}`);
        const clients: Record<string, Client> = {};
        for (const [scheme, credential] of Object.entries(plan.credentials)) {
          const auth =
            credential.kind === "bearer"
              ? g.bearer("browser-test-token")
              : credential.kind === "header"
                ? g.header(credential.name, "browser-test-token")
                : undefined;
          // The generated methods, also where a flow replaced one on the client (flows have browser checks of their own).
          clients[scheme] = g.generatedMethods(factory({ baseUrl: plan.baseUrl, auth, maxRetries: 0 }));
        }
        const out: Record<string, unknown> = {};
        for (const call of plan.calls) {
          try {
            const value = await clients[call.scheme]?.[call.operationId]?.(...call.args);
            if (call.kind === "list")
              out[call.operationId] = await (value as { toArray(): Promise<unknown> }).toArray();
            else if (call.kind === "download") {
              const text = await (value as { text(): Promise<string> }).text();
              try {
                out[call.operationId] = JSON.parse(text);
              } catch {
                out[call.operationId] = text;
              }
            } else out[call.operationId] = value === undefined ? null : value;
          } catch (error) {
            out[call.operationId] = { thrown: `${(error as Error).name}: ${(error as Error).message}` };
          }
        }
        return out;
      }, plan);
      for (const call of plan.calls) {
        const got = answers[call.operationId];
        if (call.kind === "empty") expect(got, call.operationId).toBeNull();
        else if (call.itemsField && isObject(call.expected) && isObject(got))
          expect(got[call.itemsField], call.operationId).toEqual(call.expected[call.itemsField]);
        else if (call.expected !== undefined) expect(got, call.operationId).toEqual(call.expected);
        else expect(got, call.operationId).not.toHaveProperty("thrown");
      }
    },
    60_000,
  );
});
