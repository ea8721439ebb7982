// The base URL: `baseUrl` when given, else the `pubapi` claim of a personal access token passed as bearer(token)
// (decoded, not verified, validated like any base URL); otherwise a ConfigurationError that says where to find it.
import { inspect } from "node:util";
import { claimsOf, bearer as plainBearer } from "@dataclients/auth";
import { describe, expect, it } from "vitest";
import { configError } from "../../../../test/support/catch-error.js";
import { bearer, createDatagalaxyClient } from "../../src/index.js";
import { fakeDatagalaxy, json, jwt } from "./fake-datagalaxy.js";

const PAT = jwt({ sub: "user-1", email: "john.doe@example.com", pubapi: "https://acme.api.datagalaxy.com/v2" });

describe("the base URL from a personal access token", () => {
  it("is the token's pubapi claim when baseUrl is omitted, and requests go there with the token", async () => {
    const fake = fakeDatagalaxy(() => json({ organizations: [], projects: [] }));
    const client = createDatagalaxyClient({ auth: bearer(PAT), fetch: fake.fetch });
    expect(client.baseUrl).toBe("https://acme.api.datagalaxy.com/v2");
    await client.listWorkspaces();
    expect(fake.requests[0]?.url.href).toBe("https://acme.api.datagalaxy.com/v2/workspaces");
    expect(fake.requests[0]?.headers.get("authorization")).toBe(`Bearer ${PAT}`);
  });

  it("an explicit baseUrl wins over the claim", () => {
    const client = createDatagalaxyClient({ baseUrl: "https://other.api.datagalaxy.com/v2/", auth: bearer(PAT) });
    expect(client.baseUrl).toBe("https://other.api.datagalaxy.com/v2");
  });

  it("a claim with only a host gets the API's /v2", () => {
    const client = createDatagalaxyClient({ auth: bearer(jwt({ pubapi: "https://apiuat.datagalaxy.com" })) });
    expect(client.baseUrl).toBe("https://apiuat.datagalaxy.com/v2");
  });

  it("the strategy exposes the pubapi claim only, never the token or the other claims", () => {
    const strategy = bearer(PAT);
    expect(claimsOf(strategy)).toEqual({ pubapi: "https://acme.api.datagalaxy.com/v2" });
    const rendered = [inspect(strategy, { showHidden: true, depth: 5 }), JSON.stringify(strategy), String(strategy)];
    for (const text of rendered) {
      expect(text).not.toContain(PAT);
      expect(text).not.toContain("john.doe");
    }
    expect(Object.keys(strategy)).not.toContain("claims");
  });

  it("an invalid claim is a ConfigurationError that names the claim and never quotes the token", () => {
    const cases: Array<[unknown, string]> = [
      ["http://acme.api.datagalaxy.com/v2", "plain http:// to the remote host"],
      ["not a url", "is not an absolute URL"],
      ["https://user:pw@acme.api.datagalaxy.com/v2", "must not contain credentials"],
      [42, "is not a URL (got 42)"],
    ];
    for (const [pubapi, reason] of cases) {
      const token = jwt({ pubapi });
      const error = configError(() => createDatagalaxyClient({ auth: bearer(token) }));
      expect(error.message).toContain("the personal access token's `pubapi` claim");
      expect(error.message).toContain(reason);
      expect(error.message).toContain('profile menu (top right) → "DataGalaxy API"');
      expect(error.message).not.toContain(token);
    }
  });
});

describe("without a base URL", () => {
  const WHERE = 'profile menu (top right) → "DataGalaxy API"';

  it("an integration token (not a JWT) needs baseUrl: the error says where to find it", () => {
    const error = configError(() => createDatagalaxyClient({ auth: bearer("integration-TOKEN-0123") }));
    expect(error.message).toMatch(/^DataGalaxy: `baseUrl` is required/);
    expect(error.message).toContain(WHERE);
    expect(error.message).not.toContain("integration-TOKEN-0123");
  });

  it("a JWT without pubapi, a token function, @dataclients/auth's bearer, or no auth at all: same error", () => {
    for (const auth of [bearer(jwt({ sub: "x" })), bearer(() => PAT), plainBearer(PAT), undefined]) {
      expect(configError(() => createDatagalaxyClient({ auth })).message).toContain(WHERE);
    }
  });

  it("a token passed as a string instead of a strategy is refused by name", () => {
    const error = configError(() => createDatagalaxyClient({ auth: PAT as never }));
    expect(error.message).toBe("DataGalaxy: `auth` must be a strategy; wrap the token: auth: bearer(token)");
  });

  it("options that are not an object are refused by name", () => {
    expect(configError(() => createDatagalaxyClient(undefined as never)).message).toBe(
      "DataGalaxy: options must be an object such as { auth: bearer(token) }; got undefined",
    );
  });
});
