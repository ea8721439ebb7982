import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  createDatagolClient,
  datagolLogin,
  LoginFailedError,
  PermissionDeniedError,
  serviceAccount,
} from "../../src/index.js";
import {
  EMAIL,
  fakeAccount,
  json,
  LOGIN_PATH,
  NOCO_TABLES,
  PASSWORD,
  TOKEN_PATH,
  unauthorized,
  WORKSPACE,
} from "./fake-datagol.js";

const auth = () => serviceAccount({ login: datagolLogin({ email: EMAIL, password: PASSWORD }), serviceAccountId: 283 });

describe("serviceAccount: login → service token → noCo", () => {
  it("runs the vendor's three steps once, then sends the token to noCo and the JWT to IdP only", async () => {
    const fake = fakeAccount();
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    await dg.listTables(WORKSPACE);
    await dg.listWorkspaces();
    await dg.listTeam();

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${LOGIN_PATH}`,
      `GET ${TOKEN_PATH}`,
      `GET ${NOCO_TABLES}`,
      "GET /noCo/api/v2/workspaces",
      "GET /idp/api/v1/team",
    ]);
    const [, tokenRequest, tables, workspaces, team] = fake.requests;
    const jwtHeader = tokenRequest?.headers.get("authorization");
    expect(jwtHeader).toMatch(/^Bearer eyJ/);
    expect(tokenRequest?.headers.get("x-auth-token")).toBeNull();
    for (const noCo of [tables, workspaces]) {
      expect(noCo?.headers.get("x-auth-token")).toBe("sa-1");
      expect(noCo?.headers.get("authorization")).toBeNull();
    }
    expect(team?.headers.get("authorization")).toBe(jwtHeader);
    expect(team?.headers.get("x-auth-token")).toBeNull();
  });

  it("routes raw `api` calls by path: the service token never goes to an IdP endpoint", async () => {
    const fake = fakeAccount();
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    await dg.api.GET("/idp/api/v1/team");
    await dg.api.GET("/noCo/api/v2/workspaces");
    const team = fake.to("/idp/api/v1/team")[0];
    const workspaces = fake.to("/noCo/api/v2/workspaces")[0];
    expect(team?.headers.get("x-auth-token")).toBeNull();
    expect(team?.headers.get("authorization")).toMatch(/^Bearer eyJ/);
    expect(workspaces?.headers.get("x-auth-token")).toBe("sa-1");
    expect(workspaces?.headers.get("authorization")).toBeNull();
  });

  it.each([401, 403])(
    "on a %s from a noCo call, renews the token once (generate, not reset) and replays",
    async (status) => {
      const fake = fakeAccount((request) =>
        request.headers.get("x-auth-token") === "sa-2" ? json([{ id: "t" }]) : json({ message: "no" }, { status }),
      );
      const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
      await expect(dg.listTables(WORKSPACE)).resolves.toEqual([{ id: "t" }]);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST ${LOGIN_PATH}`,
        `GET ${TOKEN_PATH}`,
        `GET ${NOCO_TABLES}`,
        `GET ${TOKEN_PATH}`,
        `GET ${NOCO_TABLES}`,
      ]);
      expect(fake.requests.some((r) => r.path.includes("/token/reset"))).toBe(false);
      // The JWT was not the rejected credential: no second login.
      expect(fake.logins()).toBe(1);
    },
  );

  it("fifty calls rejected together cause exactly one renewal, and each is replayed once", async () => {
    let rejected = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fake = fakeAccount(async (request) => {
      if (request.headers.get("x-auth-token") === "sa-2") return json({ rows: [{ n: 1 }] });
      // Hold every first attempt until all fifty are in flight, so that they fail together.
      if (++rejected === 50) release();
      await gate;
      return unauthorized();
    });
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => dg.executeQuery(WORKSPACE, "t", "SELECT * FROM table_6ec53cc4")),
    );
    expect(results).toEqual(Array.from({ length: 50 }, () => ({ rows: [{ n: 1 }] })));
    expect(fake.logins()).toBe(1);
    expect(fake.tokens()).toBe(2); // the first token and exactly one renewal
    const sent = fake.requests
      .filter((r) => r.path.endsWith("/executeQuery"))
      .map((r) => r.headers.get("x-auth-token"));
    expect(sent.filter((t) => t === "sa-1")).toHaveLength(50);
    expect(sent.filter((t) => t === "sa-2")).toHaveLength(50);
    expect(sent).toHaveLength(100);
  });

  it("a failing renewal is reported to every waiting call", async () => {
    let tokenCalls = 0;
    let rejected = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fake = fakeAccount();
    const fetch = (async (input: Request | string | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === TOKEN_PATH && ++tokenCalls > 1) {
        return json({ message: "Service account not found", error: "Not Found" }, { status: 404 });
      }
      if (url.pathname.endsWith("/executeQuery")) {
        if (++rejected === 50) release();
        await gate;
        return unauthorized();
      }
      return fake.fetch(input, init);
    }) as typeof globalThis.fetch;
    const dg = createDatagolClient({ auth: auth(), fetch });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => dg.executeQuery(WORKSPACE, "t", "SELECT 1")),
    );
    expect(tokenCalls).toBe(2); // the first token, then one failed renewal shared by all fifty
    const reasons = outcomes.map((o) => (o.status === "rejected" ? (o.reason as LoginFailedError) : undefined));
    expect(reasons.every((r) => r instanceof LoginFailedError)).toBe(true);
    expect(new Set(reasons).size).toBe(1);
    expect(reasons[0]?.status).toBe(404);
    expect(reasons[0]?.message).toContain("getting a token for service account 283 failed");
    expect(reasons[0]?.message).toContain("Service account not found");
  });

  it("a 401 on the replay that follows a renewal is final: no second renewal", async () => {
    const fake = fakeAccount(() => unauthorized());
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    const error = (await dg.listTables(WORKSPACE).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(fake.tokens()).toBe(2);
    expect(fake.to(NOCO_TABLES).map((r) => r.headers.get("x-auth-token"))).toEqual(["sa-1", "sa-2"]);
  });

  it("a 403 on the replay is final too, as PermissionDeniedError", async () => {
    const fake = fakeAccount(() => json({ message: "Access denied", error: "Forbidden" }, { status: 403 }));
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    await expect(dg.listTables(WORKSPACE)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(fake.tokens()).toBe(2);
  });

  it("logs in again when the token request finds the JWT expired", async () => {
    let tokenCalls = 0;
    const fake = fakeAccount();
    const fetch = (async (input: Request | string | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === TOKEN_PATH && ++tokenCalls === 1) return unauthorized();
      return fake.fetch(input, init);
    }) as typeof globalThis.fetch;
    const dg = createDatagolClient({ auth: auth(), fetch });
    await expect(dg.listWorkspaces()).resolves.toEqual([]);
    expect(fake.logins()).toBe(2);
    expect(tokenCalls).toBe(2);
  });

  it("secrets stay out of errors and inspect output", async () => {
    const fake = fakeAccount((request) =>
      json({ message: `bad token ${request.headers.get("x-auth-token")}` }, { status: 400 }),
    );
    const dg = createDatagolClient({ auth: auth(), fetch: fake.fetch });
    const error = await dg.listTables(WORKSPACE).catch((e: unknown) => e);
    const rendered = [String(error), inspect(error, { depth: 10 }), inspect(dg, { depth: 10 })].join();
    expect(rendered).not.toContain("sa-1");
    expect(rendered).not.toContain(PASSWORD);
  });

  it("rejects bad options at construction", () => {
    const login = datagolLogin({ email: EMAIL, password: PASSWORD });
    expect(() => serviceAccount({ login, serviceAccountId: 0 })).toThrow(
      /`serviceAccountId` must be the service account's id/,
    );
    expect(() => serviceAccount({ login, serviceAccountId: "a/b" })).toThrow(ConfigurationError);
    // "." and ".." would be path steps in the token request's URL.
    for (const dots of [".", ".."]) {
      expect(() => serviceAccount({ login, serviceAccountId: dots })).toThrow(
        /`serviceAccountId` must be the service account's id/,
      );
    }
    expect(() => serviceAccount({ login: "jwt" as never, serviceAccountId: 283 })).toThrow(
      /`login` must be datagolLogin\(\{ email, password \}\)/,
    );
    // A numeric id given as a string is accepted: the strategy holds both of the spec's schemes.
    expect(serviceAccount({ login, serviceAccountId: "283" }).schemes).toEqual(["serviceToken", "jwtBearer"]);
  });
});
