// Everything generation produces for one vendor, computed in memory: nothing is written until every vendor built.
import { join } from "node:path";
import { renderOperationsModule } from "./generate-operations.js";
import { generateSchemaTypes } from "./generate-types.js";
import { isObject, loadSpec, rootLabel } from "./load-spec.js";
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
    operations,
    generated: [file("schema.ts", schema), file("operations.ts", renderOperationsModule(operations, specLabel))],
  };
}
