// Everything generation produces for one vendor, computed in memory: nothing is written until every vendor built.
import { join } from "node:path";
import { renderOperationsModule } from "./generate-operations.js";
import { generateSchemaTypes } from "./generate-types.js";
import { isObject, type LoadedSpec, loadSpec, resolveRefs, rootLabel } from "./load-spec.js";
import { pagingOf } from "./operation-shape.js";
import type { Vendor } from "./registry.js";
import { SpecError } from "./spec-error.js";
import { collectOperations, type SpecOperation } from "./spec-operations.js";

export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, as printed. */
  label: string;
  content: string;
}

export interface VendorBuild {
  vendor: Vendor;
  specLabel: string;
  title: string;
  /** The spec's info.summary (the root README's "for" column), else its title. */
  summary: string;
  operations: SpecOperation[];
  /** The files under packages/<dir>/src/generated/, the only ones `--check` compares. */
  generated: OutputFile[];
}

export async function buildVendor(vendor: Vendor, root: string): Promise<VendorBuild> {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(vendor.identifier)) {
    // The identifier becomes createXClient and XClientOptions: it must start with a letter.
    throw new Error(
      `redocly.yaml: apis.${vendor.dir} x-display-name "${vendor.displayName}" gives no valid identifier`,
    );
  }
  const spec = loadSpec(vendor.specPath, root);
  const specLabel = spec.root.label;
  const info = isObject(spec.root.data) ? spec.root.data.info : undefined;
  const title = isObject(info) && typeof info.title === "string" ? info.title : "";
  if (!title.trim()) throw new SpecError(`${specLabel}#/info/title: missing`);
  const summary =
    isObject(info) && typeof info.summary === "string" && info.summary.trim() ? info.summary.trim() : title;
  // Our checks first: their messages carry the JSON pointer of the exact operation.
  const operations = collectOperations(spec);
  const schema = await generateSchemaTypes(spec);

  const generatedDir = join(vendor.packageDir, "src", "generated");
  const file = (name: string, content: string): OutputFile => {
    const path = join(generatedDir, name);
    return { path, label: rootLabel(root, path), content };
  };
  return {
    vendor,
    specLabel,
    title,
    summary,
    operations,
    generated: [
      file("schema.ts", schema),
      file(
        "operations.ts",
        renderOperationsModule({
          operations,
          specLabel,
          productionUrl: vendor.productionUrl,
          paging: pagingOf(spec),
          enums: enumsOf(spec),
        }),
      ),
    ],
  };
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

function enumValues(schema: unknown): (string | number)[] | undefined {
  if (!isObject(schema)) return undefined;
  const list = Array.isArray(schema.enum) ? schema.enum : isObject(schema.items) ? schema.items.enum : undefined;
  if (!Array.isArray(list)) return undefined;
  const values = list.filter(
    (value): value is string | number => typeof value === "string" || typeof value === "number",
  );
  return values.length ? values : undefined;
}

/** Every enum of components.schemas, and of their direct properties, as `[TypeName, values]`. */
function enumsOf(spec: LoadedSpec): Array<[string, (string | number)[]]> {
  const data = isObject(spec.root.data) ? spec.root.data : {};
  const components = isObject(data.components) ? data.components : {};
  const schemas = resolveRefs(spec, components.schemas ?? {}, spec.root, ["components", "schemas"]);
  const out: Array<[string, (string | number)[]]> = [];
  for (const [name, raw] of Object.entries(isObject(schemas.value) ? schemas.value : {})) {
    const schema = resolveRefs(spec, raw, schemas.document, [...schemas.segments, name]).value;
    const own = enumValues(schema);
    if (own) out.push([pascal(name), own]);
    const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    for (const [property, propertySchema] of Object.entries(properties)) {
      // A $ref'd property is a named schema: its values are listed under its own name.
      if (isObject(propertySchema) && "$ref" in propertySchema) continue;
      const values = enumValues(propertySchema);
      if (values) out.push([`${pascal(name)}${pascal(property)}`, values]);
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
