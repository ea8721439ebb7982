// README.md skeleton of a vendor package; the operations table between the markers is filled by every generate run.
import { OPERATIONS_END, OPERATIONS_START } from "../readme-table.js";
import { packageDescription, type TemplateContext } from "./context.js";

export function readmeMdTemplate({ vendor, title, operations }: TemplateContext): string {
  const mockUrl = `http://127.0.0.1:${vendor.mockPort}${vendor.basePath}`;
  // The first parameterless GET makes the shortest example that runs as is.
  const sample = operations.find((operation) => operation.method === "GET" && !operation.path.includes("{"));
  const call = sample
    ? `const { data, error } = await client.api.GET(${JSON.stringify(sample.path)});\nconsole.log(data ?? error);`
    : `// client.api.GET / POST / … take the paths of the operations below.`;
  return `# ${vendor.packageName}

${packageDescription(title)}

## Install

\`\`\`sh
npm install ${vendor.packageName}
\`\`\`

## Usage

Start the mock from the repository root with \`pnpm mock ${vendor.dir}\`, then:

\`\`\`ts
import { create${vendor.identifier}Client } from "${vendor.packageName}";

const client = create${vendor.identifier}Client({ baseUrl: ${JSON.stringify(mockUrl)} });
${call}
\`\`\`

## Operations

${OPERATIONS_START}
${OPERATIONS_END}
`;
}
