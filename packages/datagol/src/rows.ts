// Row writes with the check the API makes only after a round trip: values go in the `cellValues` wrapper, keyed
// by the columns' internal names (without it the server answers 400 "cellValues must not be null or empty").
import { ConfigurationError, describeValue, type RequestOptions } from "@dataclients/core";
import { NAME } from "./auth/binding.js";
import type { GeneratedClient } from "./client.js";
import type { Row, RowCreate, RowUpdate } from "./generated/schema.js";

export function rowFlows(client: GeneratedClient) {
  return {
    /** Adds a row (POST …/rows): `{ cellValues: { first_name: "John" } }`, checked before sending. */
    async createRow(workspaceId: string, tableId: string, row: RowCreate, options: RequestOptions = {}): Promise<Row> {
      checkValues(row, "createRow", "row");
      return client.createRow(workspaceId, tableId, row, options);
    },

    /** Adds several rows in one atomic call (POST …/rows/bulk): one invalid row fails them all. */
    async createRows(
      workspaceId: string,
      tableId: string,
      rows: RowCreate[],
      options: RequestOptions = {},
    ): Promise<Row[]> {
      if (!Array.isArray(rows) || rows.length === 0) {
        throw new ConfigurationError(
          `${NAME}: createRows() needs a non-empty list of rows, each { cellValues: { … } }; got ${describeValue(rows)}`,
        );
      }
      for (const [index, row] of rows.entries()) checkValues(row, "createRows", `rows[${index}]`);
      return client.createRows(workspaceId, tableId, rows, options);
    },

    /** Updates the row whose `id` is in the body (PUT …/rows): `{ id: 1, cellValues: { first_name: "Johnny" } }`. */
    async updateRow(workspaceId: string, tableId: string, row: RowUpdate, options: RequestOptions = {}): Promise<Row> {
      checkValues(row, "updateRow", "row");
      const id: unknown = row.id;
      const valid =
        (typeof id === "number" && Number.isSafeInteger(id) && id > 0) ||
        (typeof id === "string" && /^[0-9]+$/.test(id));
      if (!valid) {
        throw new ConfigurationError(
          `${NAME}: updateRow() needs the row's \`id\` in the body (a positive integer); got ${describeValue(id)}`,
        );
      }
      return client.updateRow(workspaceId, tableId, row, options);
    },
  };
}

function checkValues(row: unknown, method: string, what: string): void {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw new ConfigurationError(
      `${NAME}: ${method}() ${what} must be an object such as { cellValues: { first_name: "John" } }; got ${describeValue(row)}`,
    );
  }
  const values = (row as { cellValues?: unknown }).cellValues;
  const isObject = typeof values === "object" && values !== null && !Array.isArray(values);
  if (isObject && Object.keys(values).length > 0) return;
  const hint =
    values === undefined && Object.keys(row).some((key) => key !== "id" && key !== "position" && key !== "linkRecords")
      ? `; wrap the values: { cellValues: { ${Object.keys(row)
          .filter((key) => key !== "id")
          .slice(0, 2)
          .map((key) => `${key}: …`)
          .join(", ")} } }`
      : "";
  throw new ConfigurationError(
    `${NAME}: ${method}() ${what} has no values: put them in \`cellValues\`, keyed by the columns' internal names (the server refuses a write without them)${hint}`,
  );
}
