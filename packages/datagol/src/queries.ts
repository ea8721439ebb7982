// Query flows: SQL over a table (executeQuery, with the table's SQL name from tableSqlName) and the paged
// `cursor` query as an async iterable (queryRows).
import {
  ConfigurationError,
  DataclientsError,
  describeValue,
  type ListOptions,
  type PageIterator,
  paginate,
  type RequestOptions,
} from "@dataclients/core";
import { NAME } from "./auth/binding.js";
import type { GeneratedClient } from "./client.js";
import { SortDirectionValues } from "./generated/operations.js";
import type { CursorQuery, ExecuteQueryResult, Row, SortOption } from "./generated/schema.js";
import { checkSql } from "./sql.js";

/** The rows of a SQL query, each keyed by column name (the vendor documents nothing else in the answer). */
export type QueryResult<R = Record<string, unknown>> = Omit<ExecuteQueryResult, "rows"> & { rows: R[] };

export interface QueryRowsOptions extends ListOptions {
  /** SQL-style filter over the columns' internal names, backquoted: "`first_name` like '%d%'". */
  where?: string;
  /** Sort order: `[{ columnName: "first_name", direction: "DESC" }]`. */
  sort?: SortOption[];
  /** Rows per request (the cursor's `pageSize`). Default 100. */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 100;

export function queryFlows(client: GeneratedClient) {
  return {
    /**
     * Runs a SQL statement over a table (POST …/executeQuery, `{ value: sql }`) and returns its rows. Name the table
     * by its SQL name (`table_6ec53cc4`, from `tableSqlName`), not its UUID; an empty statement or a UUID in the
     * table position fails before any request.
     */
    async executeQuery<R = Record<string, unknown>>(
      workspaceId: string,
      tableId: string,
      sql: string,
      options: RequestOptions = {},
    ): Promise<QueryResult<R>> {
      const value = checkSql(sql, "executeQuery");
      const answer = await client.executeQuery(workspaceId, tableId, { value }, options);
      // The vendor's own sample reads `data.rows || []`: an answer without rows (a statement that returns none) is empty.
      const rows = answer?.rows ?? [];
      return { ...answer, rows: rows as R[] };
    },

    /** The table's SQL name (`tableName` of getTable, e.g. "table_6ec53cc4"), for executeQuery. */
    async tableSqlName(workspaceId: string, tableId: string, options: RequestOptions = {}): Promise<string> {
      const table = await client.getTable(workspaceId, tableId, options);
      if (typeof table.tableName !== "string" || table.tableName === "") {
        throw new DataclientsError(`${NAME}: table ${tableId} has no \`tableName\` in the getTable answer`);
      }
      return table.tableName;
    },

    /**
     * Every row matching `where`, in `sort` order, fetched page by page (POST …/cursor with `requestPageDetails`)
     * as you iterate; `.pages()` for pages, `.toArray()` for all, `maxPages` to bound the walk, `signal` to stop it.
     * The walk ends when `totalNumberOfRecords` rows have arrived, or at an empty page.
     */
    queryRows(workspaceId: string, tableId: string, options: QueryRowsOptions = {}): PageIterator<Row> {
      const { where, sort, pageSize = DEFAULT_PAGE_SIZE, maxPages, ...call } = checkQueryRowsOptions(options);
      const base: CursorQuery = {};
      if (where !== undefined) base.whereClause = where;
      if (sort !== undefined) base.sortOptions = sort;
      // The cursor carries the count so far, so two walks over the same iterator never share state.
      return paginate<Row, { pageNumber: number; seen: number }>(
        async (cursor = { pageNumber: 1, seen: 0 }, signal) => {
          const { pageNumber } = cursor;
          const body: CursorQuery = { ...base, requestPageDetails: { pageNumber, pageSize } };
          const page = await client.queryTableCursor(workspaceId, tableId, body, { ...call, signal });
          const rows = page.rows ?? [];
          const seen = cursor.seen + rows.length;
          const total = page.totalNumberOfRecords;
          const more = rows.length > 0 && (typeof total !== "number" || seen < total);
          return { items: rows, next: more ? { pageNumber: pageNumber + 1, seen } : undefined };
        },
        { maxPages, signal: call.signal },
      );
    },
  };
}

function checkQueryRowsOptions(options: QueryRowsOptions): QueryRowsOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError(`${NAME}: queryRows() options must be an object; got ${describeValue(options)}`);
  }
  const { where, sort, pageSize } = options;
  if (where !== undefined && typeof where !== "string") {
    throw new ConfigurationError(
      `${NAME}: queryRows() \`where\` must be a SQL filter string such as "\`first_name\` = 'John'"; got ${describeValue(where)}`,
    );
  }
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize >= 1)) {
    throw new ConfigurationError(
      `${NAME}: queryRows() \`pageSize\` must be a whole number of rows, at least 1; got ${describeValue(pageSize)}`,
    );
  }
  if (sort !== undefined) {
    if (!Array.isArray(sort)) {
      throw new ConfigurationError(
        `${NAME}: queryRows() \`sort\` must be a list such as [{ columnName: "first_name", direction: "DESC" }]`,
      );
    }
    for (const option of sort) {
      if (typeof option?.columnName !== "string" || option.columnName === "") {
        throw new ConfigurationError(
          `${NAME}: queryRows() \`sort\` entries need a \`columnName\` (the column's internal name)`,
        );
      }
      if (option.direction !== undefined && !(SortDirectionValues as readonly string[]).includes(option.direction)) {
        throw new ConfigurationError(
          `${NAME}: queryRows() sort direction must be "ASC" or "DESC"; got ${describeValue(option.direction)} for ${option.columnName}`,
        );
      }
    }
  }
  return options;
}
