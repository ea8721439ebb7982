// `--check`: committed generated code against a fresh in-memory build; reads only, never writes.
import { readFileSync } from "node:fs";
import type { OutputFile } from "./vendor-build.js";

/** Labels of the files that are missing on disk or differ from `files`. */
export function staleFiles(files: readonly OutputFile[]): string[] {
  return files.filter((file) => readIfExists(file.path) !== file.content).map((file) => file.label);
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
