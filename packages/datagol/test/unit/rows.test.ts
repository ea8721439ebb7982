import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createDatagolClient,
  datagolLogin,
  serviceAccount,
  serviceToken,
} from "../../src/index.js";
import { fakeDatagol, json, TABLE, WORKSPACE } from "./fake-datagol.js";

const ROWS_PATH = `/noCo/api/v2/workspaces/${WORKSPACE}/tables/${TABLE}/rows`;
const setup = (answer: unknown = { id: 41 }) => {
  const fake = fakeDatagol(() => json(answer));
  return { fake, dg: createDatagolClient({ auth: serviceToken("sa-token"), fetch: fake.fetch }) };
};
const refused = async (promise: Promise<unknown>) => (await promise.catch((e: unknown) => e)) as Error;

describe("row writes", () => {
  it("createRow posts the row as given", async () => {
    const { fake, dg } = setup();
    const row = { cellValues: { first_name: "John", start_date: "2024-02-18T05:00:00+00:00" } };
    await expect(dg.createRow(WORKSPACE, TABLE, row)).resolves.toEqual({ id: 41 });
    expect(`${fake.requests[0]?.method} ${fake.requests[0]?.path}`).toBe(`POST ${ROWS_PATH}`);
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual(row);
  });

  it("createRow without the cellValues wrapper fails before sending and shows the fix", async () => {
    const { fake, dg } = setup();
    const error = await refused(dg.createRow(WORKSPACE, TABLE, { first_name: "John", is_active: true } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      "DataGOL: createRow() row has no values: put them in `cellValues`, keyed by the columns' internal names (the server refuses a write without them); wrap the values: { cellValues: { first_name: …, is_active: … } }",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it.each([[{ cellValues: {} }], [{ cellValues: null }], [{ cellValues: [] }], [{}], [null], ["row"]])(
    "createRow refuses %j before sending",
    async (row) => {
      const { fake, dg } = setup();
      await expect(dg.createRow(WORKSPACE, TABLE, row as never)).rejects.toBeInstanceOf(ConfigurationError);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it("createRows sends the array and names the row without values", async () => {
    const { fake, dg } = setup([{ id: 41 }, { id: 42 }]);
    const rows = [{ cellValues: { first_name: "John" } }, { cellValues: { first_name: "Jane" } }];
    await expect(dg.createRows(WORKSPACE, TABLE, rows)).resolves.toEqual([{ id: 41 }, { id: 42 }]);
    expect(`${fake.requests[0]?.method} ${fake.requests[0]?.path}`).toBe(`POST ${ROWS_PATH}/bulk`);
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual(rows);

    const error = await refused(dg.createRows(WORKSPACE, TABLE, [rows[0], { cellValues: {} }] as never));
    expect(error.message).toContain("createRows() rows[1] has no values");
    await expect(dg.createRows(WORKSPACE, TABLE, [])).rejects.toThrow("createRows() needs a non-empty list of rows");
    expect(fake.requests).toHaveLength(1);
  });

  it("updateRow puts the id in the body, and needs it", async () => {
    const { fake, dg } = setup({ id: 1 });
    await dg.updateRow(WORKSPACE, TABLE, { id: 1, cellValues: { first_name: "Johnny" } });
    await dg.updateRow(WORKSPACE, TABLE, { id: "2", cellValues: { first_name: "Jo" } });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
      `PUT ${ROWS_PATH} {"id":1,"cellValues":{"first_name":"Johnny"}}`,
      `PUT ${ROWS_PATH} {"id":"2","cellValues":{"first_name":"Jo"}}`,
    ]);
    await expect(dg.updateRow(WORKSPACE, TABLE, { cellValues: { a: 1 } } as never)).rejects.toThrow(
      "updateRow() needs the row's `id` in the body (a positive integer); got undefined",
    );
    await expect(dg.updateRow(WORKSPACE, TABLE, { id: 1, cellValues: {} })).rejects.toThrow(
      "updateRow() row has no values",
    );
    expect(fake.requests).toHaveLength(2);
  });

  it("getRow, deleteRow and deleteRows are the generated calls", async () => {
    const { fake, dg } = setup({});
    await dg.getRow(WORKSPACE, TABLE, 1);
    await dg.deleteRow(WORKSPACE, TABLE, 1);
    await dg.deleteRows(WORKSPACE, TABLE, { rowIds: [5, 4, 3] });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
      `GET ${ROWS_PATH}/1 `,
      `DELETE ${ROWS_PATH}/1 `,
      `DELETE ${ROWS_PATH} {"rowIds":[5,4,3]}`,
    ]);
  });
});

describe("base URL", () => {
  it("defaults to production over HTTPS", () => {
    expect(createDatagolClient().baseUrl).toBe("https://be.datagol.ai");
  });

  it("refuses http:// to a remote host, with every kind of auth, before any request", () => {
    const login = datagolLogin({ email: "a@b.co", password: "pw" });
    for (const auth of [undefined, serviceToken("t"), login, serviceAccount({ login, serviceAccountId: 283 })]) {
      expect(() => createDatagolClient({ baseUrl: "http://be.datagol.ai", auth })).toThrow(
        'uses plain http:// to the remote host "be.datagol.ai"',
      );
    }
    expect(createDatagolClient({ baseUrl: "http://127.0.0.1:4011", auth: login }).baseUrl).toBe(
      "http://127.0.0.1:4011",
    );
  });
});
