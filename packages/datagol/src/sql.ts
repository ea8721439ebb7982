// Checks on the SQL that executeQuery sends, made before any request: the two mistakes the vendor's API answers
// only with a database error text (an empty statement, the table's UUID where SQL needs its SQL name).
import { ConfigurationError, describeValue } from "@dataclients/core";
import { NAME } from "./auth/binding.js";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
// A table position (after FROM, JOIN, INTO, UPDATE), optionally quoted, holding a UUID.
const TABLE_AS_UUID = new RegExp(`\\b(?:from|join|into|update)\\s+[\`"']?(${UUID})\\b`, "i");

/** The statement as given; throws ConfigurationError for an empty one or a table named by its UUID. */
export function checkSql(sql: unknown, method: string): string {
  if (typeof sql !== "string" || sql.trim() === "") {
    throw new ConfigurationError(
      `${NAME}: ${method}() needs the SQL statement as a non-empty string, e.g. "SELECT * FROM table_6ec53cc4"; got ${describeValue(sql)}`,
    );
  }
  const uuid = TABLE_AS_UUID.exec(sql)?.[1];
  if (uuid) {
    throw new ConfigurationError(
      `${NAME}: ${method}(): the SQL names the table by its id (${uuid}); SQL needs the table's SQL name, such as table_6ec53cc4: get it with tableSqlName(workspaceId, tableId)`,
    );
  }
  return sql;
}
