// Scheme routing: each credential goes only where its security scheme applies (the operation's alternatives from
// the spec, or the URL for raw calls); byScheme (in @dataclients/auth) is the generic part, tested here directly too.
import { inspect } from "node:util";
import { header } from "@dataclients/auth";
import type { AuthStrategy } from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { bearer, byScheme, ConfigurationError, createDatagolClient, serviceToken } from "../../src/index.js";
import { fakeDatagol, json, NOCO_TABLES, WORKSPACE } from "./fake-datagol.js";

const SA_TOKEN = "sa_1234567890abcdef-secret";

describe("serviceToken", () => {
  it("sends x-auth-token (and nothing else) to noCo endpoints", async () => {
    const fake = fakeDatagol(() => json([]));
    const dg = createDatagolClient({ auth: serviceToken(SA_TOKEN), fetch: fake.fetch });
    await dg.listTables(WORKSPACE, { isIncludeColumns: true });
    const [request] = fake.requests;
    expect(request?.path).toBe(NOCO_TABLES);
    expect(request?.url.search).toBe("?isIncludeColumns=true");
    expect(request?.headers.get("x-auth-token")).toBe(SA_TOKEN);
    expect(request?.headers.get("authorization")).toBeNull();
  });

  it("never sends the token to an IdP endpoint: a generated method fails before any request", async () => {
    const fake = fakeDatagol(() => json([]));
    const dg = createDatagolClient({ auth: serviceToken(SA_TOKEN), fetch: fake.fetch });
    const error = (await dg.listTeam().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("listTeam() needs credentials (jwtBearer)");
    expect(error.message).toContain("datagolLogin({ email, password })");
    expect(fake.requests).toHaveLength(0);
  });

  it("never sends the token to an IdP endpoint through the raw client either", async () => {
    const fake = fakeDatagol(() => json([]));
    const dg = createDatagolClient({ auth: serviceToken(SA_TOKEN), fetch: fake.fetch });
    const error = (await dg.api.GET("/idp/api/v1/team").catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("/idp/api/v1/team needs jwtBearer");
    expect(error.message).not.toContain(SA_TOKEN);
    expect(fake.requests).toHaveLength(0);
  });

  it("with a provider, a 403 replays once with the provider's next token", async () => {
    const tokens = ["old", "new"];
    const fake = fakeDatagol((request) =>
      request.headers.get("x-auth-token") === "new" ? json([]) : json({ message: "Access denied" }, { status: 403 }),
    );
    const dg = createDatagolClient({ auth: serviceToken(() => tokens.shift() ?? "none"), fetch: fake.fetch });
    await expect(dg.listWorkspaces()).resolves.toEqual([]);
    expect(fake.requests.map((r) => r.headers.get("x-auth-token"))).toEqual(["old", "new"]);
  });

  it("rejects an empty token and never shows the token when inspected", () => {
    expect(() => serviceToken("")).toThrow(/serviceToken\(token\): pass the service-account token/);
    expect(() => serviceToken(" ")).toThrow(ConfigurationError);
    const strategy = serviceToken(SA_TOKEN);
    expect([inspect(strategy), JSON.stringify(strategy), String(strategy)].join()).not.toContain(SA_TOKEN);
  });

  it("a plain string `auth` is refused with the fix", () => {
    expect(() => createDatagolClient({ auth: SA_TOKEN as never })).toThrow(
      /wrap the token: auth: serviceToken\(token\)/,
    );
  });
});

describe("byScheme (generic)", () => {
  const url = new URL("https://api.example.test/things");
  const recorder = (name: string, extra: Partial<AuthStrategy> = {}): AuthStrategy & { renewals: number } => {
    const strategy = {
      kind: name,
      headerNames: [`x-${name}`],
      renewals: 0,
      authenticate(headers: Headers) {
        headers.set(`x-${name}`, `${name}-value`);
      },
      async onUnauthorized() {
        strategy.renewals++;
        return true;
      },
      secretValues: () => [`${name}-secret`],
      ...extra,
    };
    return strategy;
  };
  const sent = async (strategy: AuthStrategy, security?: string[][]) => {
    const headers = new Headers();
    await strategy.authenticate(headers, { url, security });
    return Object.fromEntries(headers);
  };

  it("applies the first alternative whose schemes are all held, and only that one", async () => {
    const strategy = byScheme({ a: recorder("a"), b: recorder("b"), c: recorder("c") });
    expect(await sent(strategy, [["a"]])).toEqual({ "x-a": "a-value" });
    expect(await sent(strategy, [["z"], ["b"], ["a"]])).toEqual({ "x-b": "b-value" });
    expect(await sent(strategy, [["b", "c"]])).toEqual({ "x-b": "b-value", "x-c": "c-value" });
    expect(await sent(strategy, [["a", "z"], ["c"]])).toEqual({ "x-c": "c-value" });
  });

  it("without alternatives: securityFor(url), else the first credential", async () => {
    expect(await sent(byScheme({ a: recorder("a"), b: recorder("b") }))).toEqual({ "x-a": "a-value" });
    const routed = byScheme({ a: recorder("a"), b: recorder("b") }, { securityFor: (u) => [[u.hostname ? "b" : "a"]] });
    expect(await sent(routed)).toEqual({ "x-b": "b-value" });
  });

  it("an operation that also works anonymously goes without a credential when none applies; otherwise it fails", async () => {
    const strategy = byScheme({ a: recorder("a") }, { name: "Test auth" });
    expect(await sent(strategy, [["z"], []])).toEqual({});
    await expect(sent(strategy, [["z"], ["y", "x"]])).rejects.toThrow(
      "Test auth: /things needs z or y + x, and this strategy holds only a; no credential was sent",
    );
  });

  it("declares the union of its members' schemes, headers, renewOn and secrets", () => {
    const strategy = byScheme({ a: recorder("a", { renewOn: [401, 403] }), b: recorder("b") });
    expect(strategy.schemes).toEqual(["a", "b"]);
    expect(strategy.headerNames).toEqual(["x-a", "x-b"]);
    expect(strategy.renewOn).toEqual([401, 403]);
    expect(strategy.secretValues?.()).toEqual(["a-secret", "b-secret"]);
    expect(byScheme({ b: recorder("b") }).renewOn).toEqual([401]);
  });

  it("renews only the member whose header the rejected request carried, for that member's statuses", async () => {
    const a = recorder("a", { renewOn: [401, 403] });
    const b = recorder("b");
    const strategy = byScheme({ a, b });
    const carried = (name: string) => new Headers({ [`x-${name}`]: `${name}-value` });
    expect(await strategy.onUnauthorized?.({ sentHeaders: carried("b"), status: 401 })).toBe(true);
    expect([a.renewals, b.renewals]).toEqual([0, 1]);
    // 403 is not among b's renewOn: the answer stands.
    expect(await strategy.onUnauthorized?.({ sentHeaders: carried("b"), status: 403 })).toBe(false);
    expect(await strategy.onUnauthorized?.({ sentHeaders: carried("a"), status: 403 })).toBe(true);
    expect([a.renewals, b.renewals]).toEqual([1, 1]);
    expect(await strategy.onUnauthorized?.({ sentHeaders: new Headers(), status: 401 })).toBe(false);
  });

  it("a member that cannot renew leaves the status final", async () => {
    const strategy = byScheme({ key: header("x-key", "static-key") });
    expect(await strategy.onUnauthorized?.({ sentHeaders: new Headers({ "x-key": "static-key" }), status: 401 })).toBe(
      false,
    );
  });

  it("refuses an empty map or a member that is not a strategy, and never shows secrets when inspected", () => {
    expect(() => byScheme({})).toThrow(/pass at least one \{ schemeName: strategy \}/);
    expect(() => byScheme({ a: "token" as never })).toThrow(/"a" must be a strategy such as bearer\(token\)/);
    const strategy = byScheme({ jwt: bearer("jwt-secret-value") });
    expect([inspect(strategy), JSON.stringify(strategy), String(strategy)].join()).not.toContain("jwt-secret-value");
  });
});
