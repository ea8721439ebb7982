import { describe, expect, it } from "vitest";
import { AbortError, ConfigurationError, createDatagolClient, serviceToken } from "../../src/index.js";
import { fakeDatagol, json, TABLE, WORKSPACE } from "./fake-datagol.js";

const QUERY_PATH = `/noCo/api/v2/workspaces/${WORKSPACE}/tables/${TABLE}/executeQuery`;
const CURSOR_PATH = `/noCo/api/v2/workspaces/${WORKSPACE}/tables/${TABLE}/cursor`;
const client = (fake: ReturnType<typeof fakeDatagol>) =>
  createDatagolClient({ auth: serviceToken("sa-token"), fetch: fake.fetch });
const row = (id: number) => ({ id, cellValues: { first_name: `n${id}` } });

describe("executeQuery", () => {
  it("posts { value: sql } and returns the rows, typed by the caller", async () => {
    const fake = fakeDatagol(() => json({ rows: [{ id: 1, first_name: "John" }] }));
    const { rows } = await client(fake).executeQuery<{ id: number; first_name: string }>(
      WORKSPACE,
      TABLE,
      "SELECT * FROM table_6ec53cc4",
    );
    expect(rows[0]?.first_name).toBe("John");
    const [request] = fake.requests;
    expect(`${request?.method} ${request?.path}`).toBe(`POST ${QUERY_PATH}`);
    expect(request?.body).toBe('{"value":"SELECT * FROM table_6ec53cc4"}');
    expect(request?.headers.get("content-type")).toBe("application/json");
  });

  it("an answer without rows is an empty result (as the vendor's own sample reads it); other fields are kept", async () => {
    const fake = fakeDatagol(() => json({ columns: ["id"] }));
    await expect(client(fake).executeQuery(WORKSPACE, TABLE, "SELECT id FROM table_6ec53cc4")).resolves.toEqual({
      columns: ["id"],
      rows: [],
    });
  });

  it.each([[""], ["   "], [undefined], [42]])("refuses the SQL %j before any request", async (sql) => {
    const fake = fakeDatagol(() => json({ rows: [] }));
    const error = (await client(fake)
      .executeQuery(WORKSPACE, TABLE, sql as never)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("executeQuery() needs the SQL statement as a non-empty string");
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    [`SELECT * FROM ${TABLE}`],
    [`select id from "${TABLE}" where id = 1`],
    [`SELECT * FROM table_6ec53cc4 t JOIN \`${TABLE.toUpperCase()}\` u ON t.id = u.id`],
  ])("refuses a table named by its UUID and points at tableSqlName: %s", async (sql) => {
    const fake = fakeDatagol(() => json({ rows: [] }));
    const error = (await client(fake)
      .executeQuery(WORKSPACE, TABLE, sql)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("the SQL names the table by its id");
    expect(error.message).toContain("get it with tableSqlName(workspaceId, tableId)");
    expect(fake.requests).toHaveLength(0);
  });

  it("a UUID elsewhere in the statement (a value) is fine", async () => {
    const fake = fakeDatagol(() => json({ rows: [] }));
    await client(fake).executeQuery(WORKSPACE, TABLE, `SELECT * FROM table_6ec53cc4 WHERE ref = '${TABLE}'`);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("tableSqlName", () => {
  it("is getTable's tableName", async () => {
    const fake = fakeDatagol(() => json({ id: TABLE, title: "Sales", tableName: "table_6ec53cc4", columns: [] }));
    await expect(client(fake).tableSqlName(WORKSPACE, TABLE)).resolves.toBe("table_6ec53cc4");
    expect(fake.requests[0]?.path).toBe(`/noCo/api/v2/workspaces/${WORKSPACE}/tables/${TABLE}`);
  });

  it("fails clearly when the answer has none", async () => {
    const fake = fakeDatagol(() => json({ id: TABLE }));
    await expect(client(fake).tableSqlName(WORKSPACE, TABLE)).rejects.toThrow(
      `table ${TABLE} has no \`tableName\` in the getTable answer`,
    );
  });
});

describe("queryRows (the cursor pages)", () => {
  /** A table of `total` rows served `pageSize` at a time; `withTotal: false` leaves totalNumberOfRecords out. */
  function table(total: number, { withTotal = true } = {}) {
    return fakeDatagol((request) => {
      const { requestPageDetails } = JSON.parse(request.body) as {
        requestPageDetails: { pageNumber: number; pageSize: number };
      };
      const { pageNumber, pageSize } = requestPageDetails;
      const first = (pageNumber - 1) * pageSize + 1;
      const ids = Array.from({ length: Math.max(0, Math.min(pageSize, total - first + 1)) }, (_, i) => first + i);
      return json({
        rows: ids.map(row),
        pageNumber,
        ...(withTotal ? { totalNumberOfRecords: total } : {}),
      });
    });
  }

  it("sends the filter, sort and page in the body and stops once totalNumberOfRecords rows arrived", async () => {
    const fake = table(5);
    const rows = await client(fake)
      .queryRows(WORKSPACE, TABLE, {
        where: "`first_name` like '%d%'",
        sort: [{ columnName: "first_name", direction: "DESC" }],
        pageSize: 2,
      })
      .toArray();
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill(`POST ${CURSOR_PATH}`));
    expect(fake.requests.map((r) => JSON.parse(r.body))).toEqual(
      [1, 2, 3].map((pageNumber) => ({
        whereClause: "`first_name` like '%d%'",
        sortOptions: [{ columnName: "first_name", direction: "DESC" }],
        requestPageDetails: { pageNumber, pageSize: 2 },
      })),
    );
  });

  it("an exactly full last page ends the walk without an extra request", async () => {
    const fake = table(4);
    expect((await client(fake).queryRows(WORKSPACE, TABLE, { pageSize: 2 }).toArray()).length).toBe(4);
    expect(fake.requests).toHaveLength(2);
  });

  it("without a total, an empty page ends the walk; the default page size is 100", async () => {
    const fake = table(150, { withTotal: false });
    const pages: number[] = [];
    for await (const page of client(fake).queryRows(WORKSPACE, TABLE).pages()) pages.push(page.items.length);
    expect(pages).toEqual([100, 50, 0]);
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual({ requestPageDetails: { pageNumber: 1, pageSize: 100 } });
  });

  it("maxPages bounds the walk", async () => {
    const fake = table(10);
    const rows = await client(fake).queryRows(WORKSPACE, TABLE, { pageSize: 3, maxPages: 2 }).toArray();
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fake.requests).toHaveLength(2);
  });

  it("stops when the signal aborts, between pages", async () => {
    const fake = table(10);
    const controller = new AbortController();
    const seen: number[] = [];
    const walk = (async () => {
      for await (const r of client(fake).queryRows(WORKSPACE, TABLE, { pageSize: 2, signal: controller.signal })) {
        seen.push(r.id);
        if (r.id === 2) controller.abort();
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual([1, 2]);
    expect(fake.requests).toHaveLength(1);
  });

  it("two walks over one iterator are independent", async () => {
    const fake = table(3);
    const rows = client(fake).queryRows(WORKSPACE, TABLE, { pageSize: 2 });
    expect((await rows.toArray()).length).toBe(3);
    expect((await rows.toArray()).length).toBe(3);
    expect(fake.requests).toHaveLength(4);
  });

  it.each([
    [{ pageSize: 0 }, "`pageSize` must be a whole number of rows, at least 1; got 0"],
    [{ pageSize: 2.5 }, "`pageSize` must be a whole number of rows"],
    [{ where: 5 }, "`where` must be a SQL filter string"],
    [{ sort: { columnName: "a" } }, "`sort` must be a list"],
    [{ sort: [{ columnName: "" }] }, "`sort` entries need a `columnName`"],
    [{ sort: [{ columnName: "a", direction: "down" }] }, 'sort direction must be "ASC" or "DESC"; got "down" for a'],
    [{ maxPages: 0 }, "`maxPages` must be at least 1"],
  ])("refuses %j before any request", (options, message) => {
    const fake = table(3);
    expect(() => client(fake).queryRows(WORKSPACE, TABLE, options as never)).toThrow(message);
    expect(fake.requests).toHaveLength(0);
  });
});
