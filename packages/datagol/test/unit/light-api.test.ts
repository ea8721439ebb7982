// createDatagolApi: only the typed openapi-fetch client, with createDatagolClient's option handling and credentials.
import { describe, expect, it } from "vitest";
import { expectRateHeld, expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { createDatagolApi, createDatagolClient, datagolLogin, serviceAccount } from "../../src/index.js";
import {
  BASE_URL,
  EMAIL,
  fakeAccount,
  LOGIN_PATH,
  NOCO_TABLES,
  PASSWORD,
  TOKEN_PATH,
  WORKSPACE,
} from "./fake-datagol.js";

describe("createDatagolApi", () => {
  it("binds serviceAccount: logs in, gets the service token, sends it to noCo and the JWT to IdP", async () => {
    const fake = fakeAccount(() => new Response("[]", { headers: { "content-type": "application/json" } }));
    const dg = createDatagolApi({
      auth: serviceAccount({ login: datagolLogin({ email: EMAIL, password: PASSWORD }), serviceAccountId: 283 }),
      fetch: fake.fetch,
    });
    expect(Object.keys(dg).sort()).toEqual(["api", "baseUrl"]);
    const tables = await dg.api.GET("/noCo/api/v2/workspaces/{workspaceId}/tables", {
      params: { path: { workspaceId: WORKSPACE } },
    });
    expect(tables.data).toEqual([]);
    await dg.api.GET("/idp/api/v1/team");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${LOGIN_PATH}`,
      `GET ${TOKEN_PATH}`,
      `GET ${NOCO_TABLES}`,
      "GET /idp/api/v1/team",
    ]);
    const [, tokenRequest, noCo, team] = fake.requests;
    expect(noCo?.headers.get("x-auth-token")).toBe("sa-1");
    expect(noCo?.headers.get("authorization")).toBeNull();
    expect(team?.headers.get("authorization")).toBe(tokenRequest?.headers.get("authorization"));
    expect(team?.headers.get("authorization")).toMatch(/^Bearer eyJ/);
    expect(team?.headers.get("x-auth-token")).toBeNull();
  });

  it.each<[string, unknown, Outcome]>([
    ["no options", undefined, { baseUrl: BASE_URL }],
    [
      "a bare token",
      { auth: "tok" },
      { error: "DataGOL: `auth` must be a strategy; wrap the token: auth: serviceToken(token)" },
    ],
    [
      "a header that is not a string",
      { headers: { a: 1 } },
      { error: 'DataGOL: `headers`: the value of header "a" is not a string' },
    ],
    [
      "maxRetries 11",
      { maxRetries: 11 },
      { error: "DataGOL: `maxRetries` must be a whole number from 0 to 10; got 11" },
    ],
  ])("handles %s as createDatagolClient does", (_, options, expected) => {
    expectSameOutcome(createDatagolApi, createDatagolClient, options, expected);
  });

  it("enforces maxRequestsPerSecond as the full client does", async () => {
    await expectRateHeld(createDatagolApi, {}, "/idp/api/v1/team");
  });
});
