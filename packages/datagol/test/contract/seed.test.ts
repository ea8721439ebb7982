// The seed's three steps (the API guide's "Complete workflow") and the flows built on them, through the package,
// against the mock: the exact requests (which credential went where, the SQL body) and the mock's answers.
import { describe, expect, it } from "vitest";
import { mockUrl } from "../../../../test/support/mock-url.js";
import {
  AuthenticationError,
  createDatagolClient,
  datagolLogin,
  PermissionDeniedError,
  serviceAccount,
  serviceToken,
} from "../../src/index.js";

const WORKSPACE = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
const TABLE = "6a175502-6458-4314-b4c5-3c2f29626dea";
// The spec's examples: the JWT in the login's Authorization header, and the generated service token.
const MOCK_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzYW1wbGVfZW1haWxAZGF0YWdvbC5jb20ifQ.c2lnbmF0dXJl";
const MOCK_SERVICE_TOKEN = "sa_1234567890abcdef1234567890abcdef";

function recording() {
  const sent: Array<{ method: string; path: string; headers: Headers; body: string }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : "";
    sent.push({ method: request.method, path: new URL(request.url).pathname, headers: request.headers, body });
    return globalThis.fetch(request);
  };
  return { fetch, sent };
}

const login = () => datagolLogin({ email: "sample_email@datagol.com", password: "UserPassword123" });
const client = (fetch?: typeof globalThis.fetch) =>
  createDatagolClient({
    baseUrl: mockUrl("datagol"),
    auth: serviceAccount({ login: login(), serviceAccountId: 283 }),
    maxRetries: 0,
    ...(fetch ? { fetch } : {}),
  });

describe("the seed's three steps", () => {
  it("login → service token with the JWT → SELECT * FROM table_6ec53cc4 with x-auth-token", async () => {
    const { fetch, sent } = recording();
    const { rows } = await client(fetch).executeQuery(WORKSPACE, TABLE, "SELECT * FROM table_6ec53cc4");
    expect(rows).toEqual([
      { id: 1, first_name: "John", years_of_experience: 5, is_active: true, start_date: "2024-02-18T05:00:00+00:00" },
      { id: 2, first_name: "Jane", years_of_experience: 3, is_active: false, start_date: "2023-06-01T05:00:00+00:00" },
    ]);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /idp/api/v1/user/login",
      "GET /idp/api/v1/company/serviceAccount/283/token",
      `POST /noCo/api/v2/workspaces/${WORKSPACE}/tables/${TABLE}/executeQuery`,
    ]);
    const [loginRequest, tokenRequest, query] = sent;
    expect(loginRequest?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(loginRequest?.body ?? "")).toEqual({
      email: "sample_email@datagol.com",
      password: "UserPassword123",
    });
    expect(loginRequest?.headers.get("authorization")).toBeNull();
    // Step 1's JWT came from the Authorization response header; step 2 sends it as Bearer.
    expect(tokenRequest?.headers.get("authorization")).toBe(`Bearer ${MOCK_JWT}`);
    expect(tokenRequest?.headers.get("x-auth-token")).toBeNull();
    // Step 3: the service token as x-auth-token, the seed's exact body and Content-Type.
    expect(query?.headers.get("x-auth-token")).toBe(MOCK_SERVICE_TOKEN);
    expect(query?.headers.get("authorization")).toBeNull();
    expect(query?.headers.get("content-type")).toBe("application/json");
    expect(query?.body).toBe('{"value":"SELECT * FROM table_6ec53cc4"}');
  });

  it("tableSqlName gives the name the SQL needs", async () => {
    await expect(client().tableSqlName(WORKSPACE, TABLE)).resolves.toBe("table_6ec53cc4");
  });

  it("with only the login, noCo calls carry the JWT (the vendor accepts it)", async () => {
    const { fetch, sent } = recording();
    const dg = createDatagolClient({ baseUrl: mockUrl("datagol"), auth: login(), fetch });
    expect((await dg.listWorkspaces()).map((w) => w.name)).toEqual(["Sales Workspace", "sample demo workspace"]);
    expect(sent[1]?.headers.get("authorization")).toBe(`Bearer ${MOCK_JWT}`);
  });

  it("a service token the user already has goes straight to the noCo endpoints", async () => {
    const { fetch, sent } = recording();
    const dg = createDatagolClient({ baseUrl: mockUrl("datagol"), auth: serviceToken(MOCK_SERVICE_TOKEN), fetch });
    expect((await dg.listTables(WORKSPACE, { isIncludeColumns: true }))[0]?.tableName).toBe("table_6ec53cc4");
    expect(sent.map((r) => r.headers.get("x-auth-token"))).toEqual([MOCK_SERVICE_TOKEN]);
  });
});

describe("renewal against the mock", () => {
  it.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
  ])("a %s from a noCo call renews the token once, replays, and reports the replay's answer", async (status, type) => {
    const { fetch, sent } = recording();
    const error = await client(fetch)
      .listTables(WORKSPACE, undefined, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /idp/api/v1/user/login",
      "GET /idp/api/v1/company/serviceAccount/283/token",
      `GET /noCo/api/v2/workspaces/${WORKSPACE}/tables`,
      "GET /idp/api/v1/company/serviceAccount/283/token",
      `GET /noCo/api/v2/workspaces/${WORKSPACE}/tables`,
    ]);
  });
});

describe("queryRows over the mock's body paging", () => {
  it("walks the three pages and stops at totalNumberOfRecords", async () => {
    const { fetch, sent } = recording();
    const rows = await client(fetch).queryRows(WORKSPACE, TABLE, { pageSize: 2 }).toArray();
    expect(rows.map((row) => row.cellValues?.first_name)).toEqual(["John", "Jane", "John", "Jane", "John", "Jane"]);
    const pages = sent.filter((r) => r.path.endsWith("/cursor")).map((r) => JSON.parse(r.body));
    expect(pages).toEqual([1, 2, 3].map((pageNumber) => ({ requestPageDetails: { pageNumber, pageSize: 2 } })));
  });

  it("sends the filter and sort, and stops at the empty page after the last", async () => {
    const { fetch, sent } = recording();
    const walk = client(fetch).queryRows(WORKSPACE, TABLE, {
      where: "`is_active` = true",
      sort: [{ columnName: "first_name", direction: "ASC" }],
    });
    const sizes: number[] = [];
    for await (const page of walk.pages()) sizes.push(page.items.length);
    // The mock serves 2 example rows on each of 3 pages and reports 300 rows: the empty 4th page ends the walk.
    expect(sizes).toEqual([2, 2, 2, 0]);
    expect(JSON.parse(sent.find((r) => r.path.endsWith("/cursor"))?.body ?? "")).toEqual({
      whereClause: "`is_active` = true",
      sortOptions: [{ columnName: "first_name", direction: "ASC" }],
      requestPageDetails: { pageNumber: 1, pageSize: 100 },
    });
  });
});

describe("a row round trip", () => {
  it("create, read, update, delete", async () => {
    const dg = client();
    const created = await dg.createRow(WORKSPACE, TABLE, {
      cellValues: { first_name: "John", years_of_experience: 5 },
    });
    expect(created.id).toBe(41);
    expect((await dg.getRow(WORKSPACE, TABLE, created.id)).cellValues?.first_name).toBe("John");
    const updated = await dg.updateRow(WORKSPACE, TABLE, { id: 1, cellValues: { first_name: "Johnny" } });
    expect(updated.cellValues?.first_name).toBe("Johnny");
    await expect(dg.deleteRow(WORKSPACE, TABLE, created.id)).resolves.toEqual({});
    await expect(dg.deleteRows(WORKSPACE, TABLE, { rowIds: [5, 4, 3] })).resolves.toEqual({});
  });
});
