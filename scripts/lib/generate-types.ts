// schema.ts: openapi-typescript's types for the spec. The options favour what a user reads in an editor and what
// openapi-fetch needs; see OPENAPI_TS_OPTIONS for why each one is set.
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, type OpenAPITSOptions } from "openapi-typescript";
import { generatedBanner } from "./banner.js";
import { isObject, type LoadedSpec, resolveRefs, valueAt } from "./load-spec.js";
import { pointerSegments, SpecError, specError } from "./spec-error.js";

export const OPENAPI_TS_OPTIONS = {
  // Spec order, not alphabetical: the types read like the spec and the vendor's docs (id first, …).
  alphabetize: false,
  // Interfaces, not type aliases: shorter hovers and error messages that name the type.
  exportType: false,
  // String unions, not TS enums: `"Relational" | "NoSql"` accepts plain strings and emits no runtime code.
  enum: false,
  immutable: false,
  // openapi-fetch keys its path map by the spec's templates ("/projects/{id}").
  pathParamsAsTypes: false,
  // `default` is what the server assumes when a field is absent, not a promise that it is sent: keep it optional,
  // so a shared schema never forces a caller to send a field the server would default.
  defaultNonNullable: false,
  // `type: object` without properties means "any object": Record<string, unknown>, not Record<string, never>.
  emptyObjectsUnknown: true,
  // `export type Project = components["schemas"]["Project"]`, so index.ts re-exports named types.
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  // No lint warnings on the console (redocly lint does that); an error comes back as the thrown error we report.
  silent: true,
} satisfies OpenAPITSOptions;

/** Returns the complete text of schema.ts (banner included, one trailing newline). */
export async function generateSchemaTypes(spec: LoadedSpec): Promise<string> {
  const { file: specFile, label: specLabel } = spec.root;
  let body: string;
  try {
    // A file URL (not the parsed object) so $refs to split files resolve relative to the spec.
    body = astToString(await openapiTS(pathToFileURL(specFile), OPENAPI_TS_OPTIONS));
  } catch (error) {
    throw asSpecError(error, spec);
  }
  body = body.replace(ROOT_TYPE_ALIAS, (_line, name: string, key: string, component: string) => {
    // openapi-typescript prints these aliases with single quotes; the rest of the file uses double quotes.
    return `export type ${name} = components[${JSON.stringify(key)}][${JSON.stringify(component)}];`;
  });
  assertEverySchemaNamed(body, spec);
  return `${generatedBanner(specLabel)}\n\n${body.trimEnd()}\n`;
}

const ROOT_TYPE_ALIAS = /^export type (\w+) = components\['([^']+)'\]\['([^']+)'\];$/gm;

// openapi-typescript keys its aliases by PascalCase name, so two schemas that differ only in case or punctuation
// ("project", "Project") silently lose one alias. Fail instead, naming the schema that lost it.
function assertEverySchemaNamed(body: string, spec: LoadedSpec): void {
  const components = isObject(spec.root.data) ? spec.root.data.components : undefined;
  if (!isObject(components) || components.schemas === undefined) return;
  const schemas = resolveRefs(spec, components.schemas, spec.root, ["components", "schemas"]);
  if (!isObject(schemas.value)) return;
  const aliased = new Set(
    [...body.matchAll(/^export type \w+ = components\["schemas"\]\[("[^"]*")\];$/gm)].map(
      (match) => JSON.parse(match[1] ?? '""') as string,
    ),
  );
  const lost = Object.keys(schemas.value).find((name) => !aliased.has(name));
  if (lost !== undefined) {
    throw specError(
      schemas.document.label,
      [...schemas.segments, lost],
      "its exported type name collides with another schema's (names are PascalCased); rename one",
    );
  }
}

function asSpecError(error: unknown, spec: LoadedSpec): SpecError {
  const message = error instanceof Error ? error.message : String(error);
  // openapi-typescript reports redocly problems as "<message> at #/json/pointer".
  const located = /^(.*) at (#\/\S*)$/s.exec(message);
  if (!located) return new SpecError(`${spec.root.label}: ${message} (openapi-typescript)`);
  const [, reason = message, pointer = "#"] = located;
  // "Can't resolve $ref" alone does not say which one.
  const node = valueAt(spec.root.data, pointerSegments(pointer.slice(1)));
  const ref = isObject(node) && typeof node.$ref === "string" ? ` "${node.$ref}"` : "";
  return new SpecError(`${spec.root.label}${pointer}: ${reason}${ref} (openapi-typescript)`);
}
