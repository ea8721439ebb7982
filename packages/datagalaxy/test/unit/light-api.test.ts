// createDatagalaxyApi: only the typed openapi-fetch client, with createDatagalaxyClient's option handling: the base
// URL from the token's pubapi claim, the default throttle of 8 requests per second, no blind retry of a 429.
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { bearer, createDatagalaxyApi, createDatagalaxyClient } from "../../src/index.js";
import { BASE_URL, fakeDatagalaxy, json, jwt, TOKEN } from "./fake-datagalaxy.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("createDatagalaxyApi", () => {
  it("takes the base URL from a personal access token and sends the token", async () => {
    const pat = jwt({ pubapi: "https://acme.api.datagalaxy.com/v2" });
    const fake = fakeDatagalaxy(() => json({ organizations: [], projects: [] }));
    const dgx = createDatagalaxyApi({ auth: bearer(pat), fetch: fake.fetch });
    expect(Object.keys(dgx).sort()).toEqual(["api", "baseUrl"]);
    expect(dgx.baseUrl).toBe("https://acme.api.datagalaxy.com/v2");
    const { data } = await dgx.api.GET("/workspaces");
    expect(data).toEqual({ organizations: [], projects: [] });
    expect(fake.requests[0]?.url.href).toBe("https://acme.api.datagalaxy.com/v2/workspaces");
    expect(fake.requests[0]?.headers.get("authorization")).toBe(`Bearer ${pat}`);
  });

  it("holds request starts to 8 per second by default", async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const fake = fakeDatagalaxy(() => {
      starts.push(Date.now());
      return json({ organizations: [], projects: [] });
    });
    const dgx = createDatagalaxyApi({ baseUrl: BASE_URL, auth: bearer(TOKEN), fetch: fake.fetch });
    const calls = Array.from({ length: 9 }, () => dgx.api.GET("/workspaces"));
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(calls);
    expect(starts).toEqual([...Array(8).fill(0), 1000]);
  });

  it("does not retry a 429 without Retry-After (DataGalaxy may block the IP)", async () => {
    const fake = fakeDatagalaxy(() => json({ message: "Too many requests" }, { status: 429 }));
    const dgx = createDatagalaxyApi({ baseUrl: BASE_URL, auth: bearer(TOKEN), fetch: fake.fetch });
    const { error, response } = await dgx.api.GET("/workspaces");
    expect([response.status, error]).toEqual([429, { message: "Too many requests" }]);
    expect(fake.requests).toHaveLength(1);
  });

  it.each<[string, unknown, Outcome]>([
    ["a trailing slash", { baseUrl: `${BASE_URL}/` }, { baseUrl: BASE_URL }],
    ["a rate of 2", { baseUrl: BASE_URL, maxRequestsPerSecond: 2 }, { baseUrl: BASE_URL }],
    [
      "a host-only pubapi claim",
      { auth: bearer(jwt({ pubapi: "https://apiuat.datagalaxy.com" })) },
      { baseUrl: "https://apiuat.datagalaxy.com/v2" },
    ],
    ["null", null, { error: "DataGalaxy: options must be an object such as { auth: bearer(token) }; got null" }],
    [
      "no baseUrl and no claim",
      {},
      {
        error:
          'DataGalaxy: `baseUrl` is required: find your environment\'s API base URL in the DataGalaxy web app: profile menu (top right) → "DataGalaxy API", and pass it, e.g. baseUrl: "https://<environment>.api.datagalaxy.com/v2". A personal access token passed as bearer(token) from @dataclients/datagalaxy carries it, and then no baseUrl is needed',
      },
    ],
    [
      "a bare token",
      { auth: TOKEN },
      { error: "DataGalaxy: `auth` must be a strategy; wrap the token: auth: bearer(token)" },
    ],
    [
      "a negative rate",
      { baseUrl: BASE_URL, maxRequestsPerSecond: -1 },
      {
        error:
          "DataGalaxy: `maxRequestsPerSecond` must be a whole number ≥ 0 (default 8, 0 turns throttling off); got -1",
      },
    ],
  ])("handles %s as createDatagalaxyClient does", (_, options, expected) => {
    expectSameOutcome(createDatagalaxyApi, createDatagalaxyClient, options, expected);
  });
});
