// The spec's path templates as matchers, for the mock proxy and the coverage check alike. A path parameter
// declared `x-dataclients-path: multi-segment` spans several segments (`/files/{conn}/{path}` with
// path = `dir/a.csv`), which Prism cannot route (it answers 404) unless the inner `/` arrive as %2F.
import { isObject, type LoadedSpec, resolveRefs } from "./load-spec.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface PathTemplate {
  /** Upper case. */
  method: string;
  /** As the spec writes it: `/files/{conn}/{path}`. */
  path: string;
  /** Names of the path parameters declared `x-dataclients-path: multi-segment`. */
  multiSegment: string[];
}

export interface TemplateMatch {
  template: PathTemplate;
  /** The request path as Prism can route it: every `/` inside a multi-segment parameter sent as %2F. */
  prismPath: string;
}

/** Every operation's path template, with its multi-segment parameters (path-level and operation-level). */
export function pathTemplates(spec: LoadedSpec): PathTemplate[] {
  const data = isObject(spec.root.data) ? spec.root.data : {};
  const paths = isObject(data.paths) ? data.paths : {};
  const templates: PathTemplate[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveRefs(spec, rawItem, spec.root, ["paths", path]);
    if (!isObject(item.value)) continue;
    const shared = multiSegmentNames(spec, item.value.parameters, item.document, [...item.segments, "parameters"]);
    for (const method of METHODS) {
      const operation = item.value[method];
      if (!isObject(operation)) continue;
      const own = multiSegmentNames(spec, operation.parameters, item.document, [
        ...item.segments,
        method,
        "parameters",
      ]);
      templates.push({ method: method.toUpperCase(), path, multiSegment: [...new Set([...shared, ...own])] });
    }
  }
  return templates;
}

function multiSegmentNames(
  spec: LoadedSpec,
  parameters: unknown,
  document: LoadedSpec["root"],
  segments: string[],
): string[] {
  if (!Array.isArray(parameters)) return [];
  return parameters.flatMap((raw, index) => {
    const { value } = resolveRefs(spec, raw, document, [...segments, String(index)]);
    const multi = isObject(value) && value.in === "path" && value["x-dataclients-path"] === "multi-segment";
    return multi && typeof value.name === "string" ? [value.name] : [];
  });
}

interface Compiled {
  template: PathTemplate;
  pattern: RegExp;
  /** Parameter names in template order, for rebuilding the path. */
  names: string[];
  /** The template's literal text between parameters. */
  literals: string[];
  literalLength: number;
}

/**
 * A matcher from a concrete request path (base path removed, no query) to the template that fits it best: the
 * most literal text wins, then the fewest multi-segment parameters. A multi-segment parameter matches both the
 * literal form (`a/b.csv`) and the encoded one (`a%2Fb.csv`).
 */
export function templateMatcher(
  templates: PathTemplate[],
): (method: string, path: string) => TemplateMatch | undefined {
  const compiled = templates.map(compile);
  return (method, path) => {
    const upper = method.toUpperCase();
    let best: { compiled: Compiled; values: string[] } | undefined;
    for (const candidate of compiled) {
      if (candidate.template.method !== upper) continue;
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      if (best && !better(candidate, best.compiled)) continue;
      best = { compiled: candidate, values: found.slice(1) };
    }
    if (!best) return undefined;
    return { template: best.compiled.template, prismPath: rebuild(best.compiled, best.values, path) };
  };
}

function better(a: Compiled, b: Compiled): boolean {
  if (a.literalLength !== b.literalLength) return a.literalLength > b.literalLength;
  return a.template.multiSegment.length < b.template.multiSegment.length;
}

function compile(template: PathTemplate): Compiled {
  const names = [...template.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const literals = template.path.split(/\{[^}]+\}/);
  const source = literals
    .map((literal, i) => {
      const name = names[i];
      if (name === undefined) return escapeRegExp(literal);
      return escapeRegExp(literal) + (template.multiSegment.includes(name) ? "(.+?)" : "([^/]+)");
    })
    .join("");
  return { template, pattern: new RegExp(`^${source}/?$`), names, literals, literalLength: literals.join("").length };
}

function rebuild(compiled: Compiled, values: string[], original: string): string {
  if (compiled.template.multiSegment.length === 0) return original;
  const trailing = original.endsWith("/") && !compiled.template.path.endsWith("/") ? "/" : "";
  return (
    compiled.literals
      .map((literal, i) => {
        const name = compiled.names[i];
        const value = values[i];
        if (name === undefined || value === undefined) return literal;
        return literal + (compiled.template.multiSegment.includes(name) ? value.replaceAll("/", "%2F") : value);
      })
      .join("") + trailing
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
