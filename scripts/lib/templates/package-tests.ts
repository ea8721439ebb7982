// The tests a new vendor package starts with: the shared data-driven contract test (every operation × every
// documented status against the mock, asserting the spec's examples) and a type test of the generated methods.
import type { TemplateContext } from "./context.js";

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
import { bearer, create${id}Client } from "../../src/index.js";

const client = create${id}Client({ baseUrl: "https://example.test", auth: bearer("t") });

describe("the generated methods", () => {
  it("are typed from the spec", () => {
${check}
    // @ts-expect-error not an operation of the spec
    client.noSuchOperation();
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
