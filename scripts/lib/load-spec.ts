// Reads a spec and every local file its $refs reach, without the network: a remote $ref is an error, because
// openapi-typescript would otherwise fetch it and generation would depend on someone else's server.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import { jsonPointer, pointerSegments, SpecError, specError } from "./spec-error.js";

export interface SpecDocument {
  /** Absolute path. */
  file: string;
  /** Path relative to the repository root, with forward slashes, as printed in messages. */
  label: string;
  data: unknown;
}

export interface LoadedSpec {
  root: SpecDocument;
  /** Every document reached through $refs, the root included, by absolute path. */
  documents: Map<string, SpecDocument>;
}

export interface Resolved {
  value: unknown;
  document: SpecDocument;
  segments: string[];
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function rootLabel(repoRoot: string, file: string): string {
  return relative(repoRoot, file).split(sep).join("/");
}

export function loadSpec(specPath: string, repoRoot: string): LoadedSpec {
  const documents = new Map<string, SpecDocument>();
  const root = readDocument(resolve(specPath), repoRoot);
  documents.set(root.file, root);
  const pending = [root];
  for (let document = pending.pop(); document; document = pending.pop()) {
    for (const target of localRefTargets(document)) {
      if (documents.has(target.file)) continue;
      const loaded = readDocument(target.file, repoRoot, target.from);
      documents.set(loaded.file, loaded);
      pending.push(loaded);
    }
  }
  return { root, documents };
}

/** Follows `$ref`s (local or to another loaded file) until `value` is not a reference. */
export function resolveRefs(spec: LoadedSpec, value: unknown, document: SpecDocument, segments: string[]): Resolved {
  let current: Resolved = { value, document, segments };
  for (let hops = 0; isRef(current.value); hops++) {
    if (hops > 32) throw specError(current.document.label, current.segments, "$ref cycle");
    const [file, pointer = ""] = current.value.$ref.split("#");
    const target = file
      ? spec.documents.get(resolve(dirname(current.document.file), decodeURI(file)))
      : current.document;
    if (!target) {
      throw specError(current.document.label, current.segments, `cannot resolve $ref "${current.value.$ref}"`);
    }
    const targetSegments = pointerSegments(pointer);
    const next = valueAt(target.data, targetSegments);
    if (next === undefined) {
      throw specError(current.document.label, current.segments, `$ref "${current.value.$ref}" points at nothing`);
    }
    current = { value: next, document: target, segments: targetSegments };
  }
  return current;
}

function readDocument(file: string, repoRoot: string, from?: string): SpecDocument {
  const label = rootLabel(repoRoot, file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(error);
    throw new SpecError(from ? `${from}: $ref target ${label}: ${reason}` : `${label}: spec ${reason}`);
  }
  const parsed = parseDocument(text, { prettyErrors: true });
  const [problem] = parsed.errors;
  if (problem) {
    const at = problem.linePos?.[0];
    const where = at ? `${label}:${at.line}:${at.col}` : label;
    throw new SpecError(`${where}: YAML error: ${problem.message.split("\n")[0]}`);
  }
  return { file, label, data: parsed.toJS() };
}

interface RefTarget {
  file: string;
  /** Where the $ref is written, for the message when the target cannot be read. */
  from: string;
}

function localRefTargets(document: SpecDocument): RefTarget[] {
  const targets: RefTarget[] = [];
  walk(document.data, [], (node, segments) => {
    if (!isRef(node)) return;
    const ref = node.$ref;
    if (URL_SCHEME.test(ref)) {
      throw specError(
        document.label,
        segments,
        `remote $ref "${ref}" is not allowed (generation never uses the network)`,
      );
    }
    const file = ref.split("#")[0];
    if (file) {
      targets.push({
        file: resolve(dirname(document.file), decodeURI(file)),
        from: `${document.label}#${jsonPointer(segments)}`,
      });
    }
  });
  return targets;
}

function walk(node: unknown, segments: string[], visit: (node: unknown, segments: string[]) => void): void {
  visit(node, segments);
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) walk(item, [...segments, String(index)], visit);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) walk(value, [...segments, key], visit);
  }
}

export function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === "string";
}
