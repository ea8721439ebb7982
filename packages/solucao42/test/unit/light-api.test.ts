// createSolucao42Api: only the typed openapi-fetch client, with createSolucao42Client's option handling and
// credentials (apiKeyAuth's exchange included).
import { describe, expect, it } from "vitest";
import { expectRateHeld, expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { apiKeyAuth, createSolucao42Api, createSolucao42Client, DEFAULT_BASE_URL } from "../../src/index.js";
import { fakeVendor } from "./fake-vendor.js";

const credentials = { companySlug: "acme", apiKey: "s42_live_key", apiSecret: "super-secret-value" };

describe("createSolucao42Api", () => {
  it("exchanges the api key once, then sends the bearer token on api calls", async () => {
    const vendor = fakeVendor();
    const s42 = createSolucao42Api({ baseUrl: "https://api.test", auth: apiKeyAuth(credentials), fetch: vendor.fetch });
    expect(Object.keys(s42).sort()).toEqual(["api", "baseUrl"]);
    const first = await s42.api.GET("/api/v1/auth/permissions");
    await s42.api.GET("/api/v1/auth/permissions");
    expect(first.data).toEqual({ actions: ["data_api:execute", "data_api:get_job"] });
    expect(vendor.tokenRequests().map((r) => r.url.pathname)).toEqual(["/api/v1/auth/api-key"]);
    const calls = vendor.requests.filter((r) => r.url.pathname === "/api/v1/auth/permissions");
    expect(calls.map((r) => r.headers.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-1"]);
  });

  it.each<[string, unknown, Outcome]>([
    ["no options", undefined, { baseUrl: DEFAULT_BASE_URL }],
    [
      "a bare token",
      { auth: "tok" },
      { error: "Solucao42: `auth` must be a strategy; wrap the token: auth: bearer(token)" },
    ],
    [
      "a URL without a scheme",
      { baseUrl: "api.console.solucao42.com.br" },
      {
        error:
          'Solucao42: `baseUrl` "api.console.solucao42.com.br" is not an absolute URL; include the scheme, e.g. "https://api.console.solucao42.com.br"',
      },
    ],
    [
      "maxRetries 11",
      { maxRetries: 11 },
      { error: "Solucao42: `maxRetries` must be a whole number from 0 to 10; got 11" },
    ],
  ])("handles %s as createSolucao42Client does", (_, options, expected) => {
    expectSameOutcome(createSolucao42Api, createSolucao42Client, options, expected);
  });

  it("enforces maxRequestsPerSecond as the full client does", async () => {
    await expectRateHeld(createSolucao42Api, {}, "/api/v1/auth/permissions");
  });
});
