import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthStrategy,
  createDatagolClient,
  type DatagolCredentials,
  datagolLogin,
  type PageIterator,
  type QueryResult,
  type Row,
  serviceAccount,
  serviceToken,
  type Table,
  type Workspace,
} from "../../src/index.js";

const login = datagolLogin({ email: "a@b.co", password: "pw" });
const dg = createDatagolClient({ auth: serviceAccount({ login, serviceAccountId: 283 }) });
const W = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
const T = "6a175502-6458-4314-b4c5-3c2f29626dea";

describe("auth", () => {
  it("takes the DataGOL strategies and any other strategy", () => {
    expectTypeOf(serviceAccount({ login, serviceAccountId: "283" })).toEqualTypeOf<DatagolCredentials>();
    expectTypeOf(serviceToken(() => "t")).toEqualTypeOf<AuthStrategy>();
    createDatagolClient({ auth: login });
    createDatagolClient({ auth: serviceToken("t") });
    // @ts-expect-error a token must be wrapped in a strategy
    createDatagolClient({ auth: "sa_123" });
    // @ts-expect-error serviceAccount needs a datagolLogin, not a token
    serviceAccount({ login: serviceToken("t"), serviceAccountId: 283 });
    // @ts-expect-error the service account's id is required
    serviceAccount({ login });
  });
});

describe("flows", () => {
  it("executeQuery takes SQL and returns rows typed by the caller", () => {
    expectTypeOf(dg.executeQuery(W, T, "SELECT 1")).toEqualTypeOf<Promise<QueryResult<Record<string, unknown>>>>();
    expectTypeOf(dg.executeQuery<{ id: number }>(W, T, "SELECT id FROM table_6ec53cc4"))
      .resolves.toHaveProperty("rows")
      .toEqualTypeOf<{ id: number }[]>();
    // @ts-expect-error the flow takes the SQL string, not the generated body
    dg.executeQuery(W, T, { value: "SELECT 1" });
  });

  it("queryRows is a paginator of rows, with typed options", () => {
    expectTypeOf(dg.queryRows(W, T, { where: "`a` = 1", pageSize: 50, maxPages: 2 })).toEqualTypeOf<
      PageIterator<Row>
    >();
    dg.queryRows(W, T, { sort: [{ columnName: "a", direction: "DESC" }] });
    // @ts-expect-error direction is ASC or DESC
    dg.queryRows(W, T, { sort: [{ columnName: "a", direction: "down" }] });
    expectTypeOf(dg.tableSqlName(W, T)).toEqualTypeOf<Promise<string>>();
  });

  it("row writes need the cellValues wrapper, and updateRow the id", () => {
    expectTypeOf(dg.createRow(W, T, { cellValues: { first_name: "John" } })).toEqualTypeOf<Promise<Row>>();
    expectTypeOf(dg.createRows(W, T, [{ cellValues: { a: 1 } }])).toEqualTypeOf<Promise<Row[]>>();
    // @ts-expect-error values go in cellValues
    dg.createRow(W, T, { first_name: "John" });
    // @ts-expect-error updateRow needs the row id in the body
    dg.updateRow(W, T, { cellValues: { a: 1 } });
  });
});

describe("generated methods", () => {
  it("are typed from the spec", () => {
    expectTypeOf(dg.listWorkspaces()).resolves.toEqualTypeOf<Workspace[]>();
    expectTypeOf(dg.getTable(W, T)).resolves.toEqualTypeOf<Table>();
    expectTypeOf(dg.listTables(W, { isIncludeColumns: true })).resolves.toEqualTypeOf<Table[]>();
    // @ts-expect-error not an operation of the spec
    dg.noSuchOperation();
  });
});
