// The README's operations table, regenerated between two markers so the prose around it stays hand-written.
import type { SpecOperation } from "./spec-operations.js";

export const OPERATIONS_START = "<!-- operations:start -->";
export const OPERATIONS_END = "<!-- operations:end -->";

/** A Markdown table with padded columns, the layout Biome's Markdown formatter keeps. */
export function renderOperationsTable(operations: ReadonlyArray<Omit<SpecOperation, "shape" | "paged">>): string {
  const header = ["operation", "method", "path", "summary"];
  const rows = operations.map((operation) => [
    `\`${cell(operation.operationId)}\``,
    operation.method,
    `\`${cell(operation.path)}\``,
    cell(operation.summary),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => width(row[column] ?? ""))));
  const line = (cells: string[]) => `| ${cells.map((text, column) => pad(text, widths[column] ?? 0)).join(" | ")} |`;
  const rule = `| ${widths.map((columnWidth) => "-".repeat(columnWidth)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The README with the table replaced, or undefined when it lacks the markers (then it is left alone). */
export function replaceOperationsTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(OPERATIONS_START);
  if (start === -1) return undefined;
  const end = readme.indexOf(OPERATIONS_END, start + OPERATIONS_START.length);
  if (end === -1) return undefined;
  return `${readme.slice(0, start + OPERATIONS_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
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
