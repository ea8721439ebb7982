// The README's operations table, regenerated between two markers so the prose around it stays hand-written.
import type { SpecOperation } from "./spec-operations.js";

export const OPERATIONS_START = "<!-- operations:start -->";
export const OPERATIONS_END = "<!-- operations:end -->";
export const PACKAGES_START = "<!-- packages:start -->";
export const PACKAGES_END = "<!-- packages:end -->";

export interface PackageRow {
  /** npm name. */
  name: string;
  /** Folder under packages/, for the link. */
  dir: string;
  /** What it is for (the spec's info.summary, else its title). */
  about: string;
  /** Operations in the spec; absent for core and auth. */
  operations?: number;
}

/** The shared packages, listed after the vendors in the root README. */
export const SHARED_PACKAGES: readonly PackageRow[] = [
  {
    name: "@dataclients/core",
    dir: "core",
    about:
      "shared runtime: generated-method interpreter, typed errors, retries, timeouts, credential-safe redirects, paging, polling",
  },
  {
    name: "@dataclients/auth",
    dir: "auth",
    about: "credential strategies: `bearer`, `header`, login/refresh sessions",
  },
];

/** The root README's package table: one row per registered vendor (registry order), then core and auth. */
export function renderPackagesTable(vendors: readonly PackageRow[]): string {
  const rows = [...vendors, ...SHARED_PACKAGES].map((row) => [
    `[\`${cell(row.name)}\`](packages/${row.dir})`,
    cell(row.about),
    row.operations === undefined ? "" : String(row.operations),
  ]);
  return table(["package", "for", "operations"], rows);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => width(row[column] ?? ""))));
  const line = (cells: string[]) => `| ${cells.map((text, column) => pad(text, widths[column] ?? 0)).join(" | ")} |`;
  const rule = `| ${widths.map((columnWidth) => "-".repeat(columnWidth)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** A Markdown table with padded columns, the layout Biome's Markdown formatter keeps. */
export function renderOperationsTable(operations: ReadonlyArray<Omit<SpecOperation, "shape" | "paged">>): string {
  const header = ["operation", "method", "path", "summary"];
  const rows = operations.map((operation) => [
    `\`${cell(operation.operationId)}\``,
    operation.method,
    `\`${cell(operation.path)}\``,
    cell(operation.summary),
  ]);
  return table(header, rows);
}

/** The README with the table replaced, or undefined when it lacks the markers (then it is left alone). */
export function replaceOperationsTable(
  readme: string,
  table: string,
  [startMarker, endMarker]: readonly [string, string] = [OPERATIONS_START, OPERATIONS_END],
): string | undefined {
  const start = readme.indexOf(startMarker);
  if (start === -1) return undefined;
  const end = readme.indexOf(endMarker, start + startMarker.length);
  if (end === -1) return undefined;
  return `${readme.slice(0, start + startMarker.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

// A pipe would end the cell and a newline the row.
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replaceAll("|", "\\|");
}

// Code points, so "Relatório" pads like "Relatorio".
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, columnWidth: number): string {
  return text + " ".repeat(columnWidth - width(text));
}
