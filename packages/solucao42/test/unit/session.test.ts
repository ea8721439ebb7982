import { inspect } from "node:util";
import { LoginFailedError } from "@dataclients/auth";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { AuthenticationError, apiKeyAuth, createSolucao42Client } from "../../src/index.js";
import { fakeVendor } from "./fake-vendor.js";

const credentials = { companySlug: "acme", apiKey: "s42_live_key", apiSecret: "super-secret-value" };

function client(vendor: ReturnType<typeof fakeVendor>) {
  return createSolucao42Client({ baseUrl: "https://api.test", auth: apiKeyAuth(credentials), fetch: vendor.fetch });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("api-key session", () => {
  it("exchanges the api key once, then sends only the bearer token", async () => {
    const vendor = fakeVendor();
    const s42 = client(vendor);
    await s42.permissions();
    await s42.permissions();
    expect(vendor.tokenRequests().map((r) => r.url.pathname)).toEqual(["/api/v1/auth/api-key"]);
    expect(vendor.tokenRequests()[0]?.body).toEqual({
      company_slug: "acme",
      api_key: "s42_live_key",
      api_secret: "super-secret-value",
    });
    const calls = vendor.requests.filter((r) => r.url.pathname === "/api/v1/auth/permissions");
    expect(calls.map((r) => r.headers.get("authorization"))).toEqual(["Bearer access-1", "Bearer access-1"]);
    expect(calls.every((r) => JSON.stringify(r.body ?? "").includes("s42_") === false)).toBe(true);
  });

  it("refreshes with the refresh token ahead of the 600 s expiry, and uses the new refresh token next time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const vendor = fakeVendor();
    const s42 = client(vendor);
    await s42.permissions();
    vi.setSystemTime(Date.now() + 575_000); // inside the 30 s skew before expiry
    await s42.permissions();
    vi.setSystemTime(Date.now() + 575_000);
    await s42.permissions();
    const paths = vendor.tokenRequests().map((r) => [r.url.pathname, r.body]);
    expect(paths).toEqual([
      ["/api/v1/auth/api-key", expect.objectContaining({ api_key: "s42_live_key" })],
      ["/api/v1/auth/refresh", { refresh_token: "refresh-1" }],
      ["/api/v1/auth/refresh", { refresh_token: "refresh-2" }],
    ]);
  });

  it("logs in again when the refresh token has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const vendor = fakeVendor({ refreshTokenLifetime: 900 });
    const s42 = client(vendor);
    await s42.permissions();
    vi.setSystemTime(Date.now() + 1_000_000);
    await s42.permissions();
    expect(vendor.tokenRequests().map((r) => r.url.pathname)).toEqual(["/api/v1/auth/api-key", "/api/v1/auth/api-key"]);
  });

  it("logs in again when the server rejects the refresh token", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const vendor = fakeVendor({ rejectRefresh: true });
    const s42 = client(vendor);
    await s42.permissions();
    vi.setSystemTime(Date.now() + 590_000);
    await expect(s42.permissions()).resolves.toEqual({ actions: ["data_api:execute", "data_api:get_job"] });
    expect(vendor.tokenRequests().map((r) => r.url.pathname)).toEqual([
      "/api/v1/auth/api-key",
      "/api/v1/auth/refresh",
      "/api/v1/auth/api-key",
    ]);
  });

  it("renews once and replays when the server revokes the access token early (401)", async () => {
    const vendor = fakeVendor();
    const s42 = client(vendor);
    await s42.permissions();
    vendor.expireAccessTokens();
    await expect(s42.permissions()).resolves.toEqual({ actions: ["data_api:execute", "data_api:get_job"] });
    expect(vendor.tokenRequests().map((r) => r.url.pathname)).toEqual(["/api/v1/auth/api-key", "/api/v1/auth/refresh"]);
  });

  it("makes exactly one token request for 100 concurrent calls with an expired token", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const vendor = fakeVendor();
    const s42 = client(vendor);
    await s42.permissions();
    vi.setSystemTime(Date.now() + 601_000);
    const results = await Promise.all(Array.from({ length: 100 }, () => s42.permissions()));
    expect(results).toHaveLength(100);
    expect(vendor.tokenRequests()).toHaveLength(2); // the first login, then one refresh for all 100
    const sent = vendor.requests.filter((r) => r.url.pathname === "/api/v1/auth/permissions").slice(1);
    expect(new Set(sent.map((r) => r.headers.get("authorization")))).toEqual(new Set(["Bearer access-2"]));
  });

  it("exposes the user of the token response", async () => {
    const vendor = fakeVendor();
    await expect(client(vendor).currentUser()).resolves.toEqual({ id: "u1", email: "integration@acme.com.br" });
  });

  it("surfaces bad credentials as AuthenticationError without the secret", async () => {
    const vendor = fakeVendor();
    const s42 = createSolucao42Client({
      baseUrl: "https://api.test",
      auth: apiKeyAuth({ ...credentials, apiSecret: "wrong" }),
      fetch: vendor.fetch,
    });
    const error = await s42.permissions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).url).toBe("https://api.test/api/v1/auth/api-key");
    expect(inspect(error, { depth: 10 })).not.toContain("s42_live_key");
  });

  it("never shows the api secret when the credentials or the client are inspected", () => {
    const auth = apiKeyAuth(credentials);
    const s42 = createSolucao42Client({ auth });
    for (const text of [
      inspect(auth, { depth: 10, showHidden: true }),
      JSON.stringify(auth),
      String(auth),
      inspect(s42, { depth: 10 }),
    ]) {
      expect(text).not.toContain("super-secret-value");
      expect(text).not.toContain("s42_live_key");
    }
  });
});

describe("a token answer without tokens", () => {
  it.each([
    ["null", "null"],
    ["a list", "[]"],
    ["an object without access_token", '{"token_type":"bearer"}'],
  ])("%s fails the login with LoginFailedError, before any request that needs it", async (_, body) => {
    const paths: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      paths.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return new Response(body, { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const s42 = createSolucao42Client({ baseUrl: "https://api.test", auth: apiKeyAuth(credentials), fetch });
    const error = await rejection(s42.getPermissions(), LoginFailedError);
    expect(error.message).toBe("session: the login or refresh response carried no access token");
    expect(paths).toEqual(["/api/v1/auth/api-key"]);
  });
});
