// createDatagrokApi: only the typed openapi-fetch client, with createDatagrokClient's option handling.
import { describe, expect, it } from "vitest";
import { expectRateHeld, expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { bearer, createDatagrokApi, createDatagrokClient } from "../../src/index.js";
import { API_KEY, BASE_URL, fakeDatagrok, json } from "./fake-datagrok.js";

describe("createDatagrokApi", () => {
  it("sends Authorization: Bearer <API key> and returns openapi-fetch's { data, response }", async () => {
    const fake = fakeDatagrok(() => json({ id: "c1", name: "Northwind" }));
    const grok = createDatagrokApi({ baseUrl: BASE_URL, auth: bearer(API_KEY), fetch: fake.fetch });
    expect(Object.keys(grok).sort()).toEqual(["api", "baseUrl"]);
    const { data } = await grok.api.GET("/public/v1/connections/{id}", { params: { path: { id: "c1" } } });
    expect(data).toEqual({ id: "c1", name: "Northwind" });
    expect(fake.requests[0]?.url.href).toBe(`${BASE_URL}/public/v1/connections/c1`);
    expect(fake.requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
  });

  it.each<[string, unknown, Outcome]>([
    ["a trailing slash", { baseUrl: "https://public.datagrok.ai/api/" }, { baseUrl: "https://public.datagrok.ai/api" }],
    [
      "no baseUrl",
      {},
      {
        error:
          'Datagrok: `baseUrl` is required (each installation has its own host): pass your server\'s URL followed by /api, e.g. baseUrl: "https://public.datagrok.ai/api"',
      },
    ],
    [
      "a baseUrl without /api",
      { baseUrl: "https://public.datagrok.ai" },
      {
        error:
          'Datagrok: `baseUrl` "https://public.datagrok.ai" does not end in /api; the REST API is served under /api on your server: use baseUrl: "https://public.datagrok.ai/api"',
      },
    ],
    [
      "a fetch that is not a function",
      { baseUrl: BASE_URL, fetch: 1 },
      { error: "Datagrok: `fetch` must be a function with the signature of globalThis.fetch" },
    ],
  ])("handles %s as createDatagrokClient does", (_, options, expected) => {
    expectSameOutcome(createDatagrokApi, createDatagrokClient, options, expected);
  });

  it("enforces maxRequestsPerSecond as the full client does", async () => {
    await expectRateHeld(createDatagrokApi, { baseUrl: BASE_URL }, "/public/v1/connections");
  });
});
