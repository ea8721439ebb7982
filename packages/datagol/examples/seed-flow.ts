// The vendor's documented flow, step by step, against the mock through the built package (`pnpm demo` runs it).
// Replace the step below with the seed's steps as you write the flows.
import { bearer, createDatagolClient } from "@dataclients/datagol";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const client = createDatagolClient({ baseUrl, auth: bearer("demo-token") });
  await step("the client is created", async () => client.baseUrl);
}
