// README.md skeleton of a vendor package; the operations table between the markers is filled by every generate run.
import { OPERATIONS_END, OPERATIONS_START } from "../readme-table.js";
import { packageDescription, type TemplateContext } from "./context.js";

export function readmeMdTemplate({ vendor, title, operations }: TemplateContext): string {
  const mockUrl = `http://127.0.0.1:${vendor.mockPort}${vendor.basePath}`;
  // The first parameterless GET makes the shortest example that runs as is against the mock.
  const sample = operations.find(
    (operation) =>
      operation.method === "GET" && operation.shape.pathParams.length === 0 && !operation.shape.query?.required,
  );
  const call = sample
    ? sample.paged
      ? `for await (const item of client.${sample.operationId}()) console.log(item);`
      : `console.log(await client.${sample.operationId}());`
    : `// client.<operationId>(...pathParams, input?, options?) for each operation below.`;
  return `# ${vendor.packageName}

${packageDescription(title)}

## Install

\`\`\`sh
npm install ${vendor.packageName}
\`\`\`

## Usage

Start the mock from the repository root with \`pnpm mock ${vendor.dir}\`, then:

\`\`\`ts
import { bearer, create${vendor.identifier}Client } from "${vendor.packageName}";

const client = create${vendor.identifier}Client({ baseUrl: ${JSON.stringify(mockUrl)}, auth: bearer("any-token") });
${call}
\`\`\`

## Operations

${OPERATIONS_START}
${OPERATIONS_END}
`;
}
