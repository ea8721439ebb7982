// The tests a new vendor package starts with: the shared data-driven contract test (every operation × every
// documented status against the mock, asserting the spec's examples) and a type test of the generated methods.
import { isPerTenant, type TemplateContext } from "./context.js";

export function contractTestTemplate({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  return `// Every operation of the spec × every status it documents, through the client, against the mock.
import { contractSuite } from "../../../../test/support/contract-suite.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, create${id}Client } from "../../src/index.js";

contractSuite({
  vendor: ${JSON.stringify(vendor.dir)},
  // Any token: the mock checks that a credential is there, not its value. No retries: one answer per status.
  client: () =>
    create${id}Client({
      baseUrl: mockUrl(${JSON.stringify(vendor.dir)}),
      auth: bearer("contract-test-token"),
      maxRetries: 0,
    }),
});
`;
}

export function typeTestTemplate({ vendor, operations }: TemplateContext): string {
  const id = vendor.identifier;
  const sample = operations.find((operation) => operation.shape.pathParams.length === 0 && !operation.paged);
  const check = sample
    ? `    expectTypeOf(client.${sample.operationId}).returns.toExtend<Promise<unknown>>();`
    : `    expectTypeOf(client.api.GET).toBeFunction();`;
  return `import { describe, expectTypeOf, it } from "vitest";
import { bearer, create${id}Api, create${id}Client } from "../../src/index.js";

const client = create${id}Client({ baseUrl: "https://example.test", auth: bearer("t") });

describe("the generated methods", () => {
  it("are typed from the spec", () => {
${check}
    // @ts-expect-error not an operation of the spec
    client.noSuchOperation();
  });
});

describe("create${id}Api", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = create${id}Api({ baseUrl: "https://example.test", auth: bearer("t") });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof client.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
`;
}

/** A string literal as Biome prints it: double quotes unless the text has double quotes and no single ones. */
function quote(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

/** `const NAME = "…";`, broken after `=` as Biome does when the line passes 120 characters. */
function constLine(name: string, text: string): string {
  const line = `const ${name} = ${quote(text)};`;
  return line.length <= 120 ? line : `const ${name} =\n  ${quote(text)};`;
}

/** The light factory's unit test: it sends the credential, and resolves options exactly as the full client does. */
export function lightApiTestTemplate({ vendor, operations }: TemplateContext): string {
  const id = vendor.identifier;
  const name = vendor.displayName;
  const perTenant = isPerTenant(vendor);
  const sample = operations.find((operation) => operation.method === "GET" && operation.shape.pathParams.length === 0);
  const path = sample?.path ?? "/";
  const baseUrl = perTenant ? "https://tenant.example.test/v1" : vendor.productionUrl.replace(/\/+$/, "");
  const withBase = perTenant ? "baseUrl: BASE_URL, " : "";
  const messages = [
    ...(perTenant
      ? [
          constLine(
            "NO_BASE_URL",
            `${name}: \`baseUrl\` is required (each tenant has its own host); pass it, e.g. baseUrl: "https://<your-host>"`,
          ),
        ]
      : []),
    constLine("BAD_TIMEOUT", `${name}: \`timeout\` must be a positive number of milliseconds; got -1`),
  ];
  return `// create${id}Api: only the typed openapi-fetch client, with create${id}Client's option handling.
import { describe, expect, it } from "vitest";
import { expectRateHeld, expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { bearer, create${id}Api, create${id}Client } from "../../src/index.js";

const BASE_URL = ${quote(baseUrl)};
${messages.join("\n")}

describe("create${id}Api", () => {
  it("sends the credential and returns openapi-fetch's { data, response }", async () => {
    const sent: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Request(input, init));
      return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
    };
    const client = create${id}Api({ baseUrl: BASE_URL, auth: bearer("t0ken"), fetch });
    expect(Object.keys(client).sort()).toEqual(["api", "baseUrl"]);
    const get = client.api.GET as unknown as (path: string) => Promise<{ data?: unknown }>;
    const { data } = await get(${quote(path)});
    expect(data).toEqual({ ok: true });
    expect(sent[0]?.url).toBe(\`\${BASE_URL}${path}\`);
    expect(sent[0]?.headers.get("authorization")).toBe("Bearer t0ken");
  });

  it.each<[string, unknown, Outcome]>([
    ["no baseUrl", {}, ${perTenant ? "{ error: NO_BASE_URL }" : "{ baseUrl: BASE_URL }"}],
    ["a trailing slash", { baseUrl: \`\${BASE_URL}/\` }, { baseUrl: BASE_URL }],
    ["a negative timeout", { ${withBase}timeout: -1 }, { error: BAD_TIMEOUT }],
  ])("handles %s as create${id}Client does", (_, options, expected) => {
    expectSameOutcome(create${id}Api, create${id}Client, options, expected);
  });

  it("enforces maxRequestsPerSecond as the full client does", async () => {
    await expectRateHeld(create${id}Api, ${perTenant ? "{ baseUrl: BASE_URL }" : "{}"}, ${quote(path)});
  });
});
`;
}

export function seedFlowTemplate({ vendor }: TemplateContext): string {
  const id = vendor.identifier;
  return `// The vendor's documented flow, step by step, against the mock through the built package (\`pnpm demo\` runs it).
// Replace the step below with the seed's steps as you write the flows.
import { bearer, create${id}Client } from "@dataclients/${vendor.dir}";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const client = create${id}Client({ baseUrl, auth: bearer("demo-token") });
  await step("the client is created", async () => client.baseUrl);
}
`;
}

export function changesetTemplate({ vendor, title }: TemplateContext): string {
  return `---
"${vendor.packageName}": minor
---

\`${vendor.packageName}\`: a typed client for ${title.trim()}, with a method per operation of its spec.
`;
}
