import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  createDatagolClient,
  datagolLogin,
  LoginFailedError,
  ServerError,
} from "../../src/index.js";
import {
  EMAIL,
  fakeDatagol,
  json,
  jwt,
  LOGIN_PATH,
  loginAnswer,
  NOCO_TABLES,
  PASSWORD,
  unauthorized,
  WORKSPACE,
} from "./fake-datagol.js";

const login = () => datagolLogin({ email: EMAIL, password: PASSWORD });

describe("datagolLogin", () => {
  it("logs in once with the documented request and sends the header's JWT to IdP and noCo endpoints", async () => {
    const token = jwt();
    const fake = fakeDatagol((request) => (request.path === LOGIN_PATH ? loginAnswer(token) : json([])));
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
    await dg.listTeam();
    await dg.listTables(WORKSPACE);

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${LOGIN_PATH}`,
      "GET /idp/api/v1/team",
      `GET ${NOCO_TABLES}`,
    ]);
    const [loginRequest, team, tables] = fake.requests;
    expect(JSON.parse(loginRequest?.body ?? "")).toEqual({ email: EMAIL, password: PASSWORD });
    expect(loginRequest?.headers.get("content-type")).toBe("application/json");
    expect(loginRequest?.headers.get("authorization")).toBeNull();
    expect(team?.headers.get("authorization")).toBe(`Bearer ${token}`);
    // The vendor accepts the JWT on noCo endpoints: with only a login, that is what goes there.
    expect(tables?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(tables?.headers.get("x-auth-token")).toBeNull();
  });

  it("logs in again when the JWT is rejected (401 or 403) and replays the call once", async () => {
    for (const status of [401, 403]) {
      const [first, second] = [jwt({ n: 1 }), jwt({ n: 2 })];
      let logins = 0;
      const fake = fakeDatagol((request) => {
        if (request.path === LOGIN_PATH) return loginAnswer(++logins === 1 ? first : second);
        return request.headers.get("authorization") === `Bearer ${second}`
          ? json([{ userId: 1 }])
          : json({ message: "expired" }, { status });
      });
      const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
      await expect(dg.listTeam()).resolves.toEqual([{ userId: 1 }]);
      expect(fake.requests.map((r) => r.path)).toEqual([
        LOGIN_PATH,
        "/idp/api/v1/team",
        LOGIN_PATH,
        "/idp/api/v1/team",
      ]);
    }
  });

  it("a rejection of the replay is final: one re-login, then the typed error", async () => {
    const fake = fakeDatagol((request) => (request.path === LOGIN_PATH ? loginAnswer(jwt()) : unauthorized()));
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
    const error = await dg.listTeam().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(fake.to(LOGIN_PATH)).toHaveLength(2);
    expect(fake.to("/idp/api/v1/team")).toHaveLength(2);
  });

  it("a refused login is a LoginFailedError that never shows the password", async () => {
    const fake = fakeDatagol(() =>
      json({ message: `Invalid email or password ${PASSWORD}`, error: "Unauthorized" }, { status: 401 }),
    );
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
    const error = (await dg.listWorkspaces().catch((e: unknown) => e)) as LoginFailedError;
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain("the login was refused; check the e-mail and password");
    expect(error.message).toContain("Invalid email or password");
    expect([error.message, inspect(error, { depth: 10 }), JSON.stringify(error)].join()).not.toContain(PASSWORD);
    expect(fake.requests).toHaveLength(1);
  });

  it("a login answer without the Authorization header fails clearly, before the call is sent", async () => {
    const fake = fakeDatagol(() => json({ id: 101, email: EMAIL }));
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
    const error = (await dg.listWorkspaces().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error.message).toContain("has no `Authorization` header carrying the JWT");
    expect(fake.requests.map((r) => r.path)).toEqual([LOGIN_PATH]);
  });

  it("a server error on login passes through as ServerError (transient, not a credentials problem)", async () => {
    const fake = fakeDatagol(() => json({ message: "down" }, { status: 503 }));
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch, maxRetries: 0 });
    await expect(dg.listWorkspaces()).rejects.toBeInstanceOf(ServerError);
  });

  it("logs in again shortly before the JWT's exp instead of waiting for a 401", async () => {
    const soon = jwt({ n: 1, exp: Math.floor(Date.now() / 1000) + 2 });
    let logins = 0;
    const fake = fakeDatagol((request) =>
      request.path === LOGIN_PATH ? loginAnswer(++logins === 1 ? soon : jwt({ n: 2 })) : json([]),
    );
    const dg = createDatagolClient({ auth: login(), fetch: fake.fetch });
    await dg.listTeam();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await dg.listTeam();
    expect(fake.to(LOGIN_PATH)).toHaveLength(2);
    expect(fake.to("/idp/api/v1/team").map((r) => r.headers.get("authorization"))).toEqual([
      `Bearer ${soon}`,
      `Bearer ${jwt({ n: 2 })}`,
    ]);
  });

  it("rejects bad credentials at construction, naming the field", () => {
    expect(() => datagolLogin({ email: "", password: PASSWORD })).toThrow(/`email` must be a non-empty string/);
    expect(() => datagolLogin({ email: "not-an-email", password: PASSWORD })).toThrow(/is not an e-mail address/);
    expect(() => datagolLogin({ email: EMAIL, password: "" })).toThrow(/`password` must be a non-empty string/);
    expect(() => datagolLogin(undefined as never)).toThrow(ConfigurationError);
  });

  it("never shows the password when inspected or serialized, bound or not", () => {
    const strategy = login();
    for (const rendered of [inspect(strategy), JSON.stringify(strategy), String(strategy)]) {
      expect(rendered).not.toContain(PASSWORD);
    }
    expect(inspect(createDatagolClient({ auth: strategy }), { depth: 10 })).not.toContain(PASSWORD);
  });
});
