// A spec without a package gets one: the files below, written only where missing, never overwritten.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { rootLabel } from "./load-spec.js";
import { clientTsTemplate } from "./templates/client-ts.js";
import type { TemplateContext } from "./templates/context.js";
import { indexTsTemplate } from "./templates/index-ts.js";
import { packageJsonTemplate } from "./templates/package-json.js";
import {
  changesetTemplate,
  contractTestTemplate,
  lightApiTestTemplate,
  seedFlowTemplate,
  typeTestTemplate,
} from "./templates/package-tests.js";
import { readmeMdTemplate } from "./templates/readme-md.js";
import { tsconfigJsonTemplate } from "./templates/tsconfig-json.js";

const TEMPLATES: ReadonlyArray<[file: string, render: (context: TemplateContext) => string]> = [
  ["package.json", packageJsonTemplate],
  ["tsconfig.json", tsconfigJsonTemplate],
  ["src/index.ts", indexTsTemplate],
  ["src/client.ts", clientTsTemplate],
  ["README.md", readmeMdTemplate],
  ["test/contract/operations.test.ts", contractTestTemplate],
  ["test/types/client.test-d.ts", typeTestTemplate],
  ["test/unit/light-api.test.ts", lightApiTestTemplate],
  ["examples/seed-flow.ts", seedFlowTemplate],
  // Relative to the package: the changeset lives in the repository's .changeset/.
  ["../../.changeset/{dir}-client.md", changesetTemplate],
];

/** Writes the missing scaffold files; returns the labels of those it created. */
export function scaffoldPackage(context: TemplateContext, root: string): string[] {
  const created: string[] = [];
  // The changeset announces a new package: once released (and its changeset consumed) it must not come back.
  const isNew = !existsSync(join(context.vendor.packageDir, "package.json"));
  for (const [file, render] of TEMPLATES) {
    if (file.includes(".changeset") && !isNew) continue;
    const path = join(context.vendor.packageDir, file.replace("{dir}", context.vendor.dir));
    mkdirSync(dirname(path), { recursive: true });
    try {
      // "wx" fails if the file exists, so not even a concurrent edit can be overwritten.
      writeFileSync(path, render(context), { flag: "wx" });
      created.push(rootLabel(root, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return created;
}
