// The guide's workflow "Creating a source object", run by `pnpm demo` against the mock through the built package:
// workspaces → default version id, users, tags, create the source. Prism answers the spec's examples; the mock
// proxy pages the lists (three pages each), so the users and tags steps read only the first page, as the guide does.
import { bearer, createDatagalaxyClient } from "@dataclients/datagalaxy";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const dg = createDatagalaxyClient({ baseUrl, auth: bearer("your-integration-token") });

  let versionId = "";
  await step("Step 1: GET /workspaces → the workspace's default version id", async () => {
    versionId = await dg.defaultVersionId();
    return `version ${versionId}`;
  });

  let owner = "";
  let steward = "";
  await step("Step 2: GET /users/{versionId}?module=catalog → owner and steward emails", async () => {
    const users = await dg.listUsers(versionId, { module: "catalog" }, { maxPages: 1 }).toArray();
    owner = users.find((user) => user.licenseLevel === "Admin")?.email ?? "";
    steward = users.find((user) => user.licenseLevel === "Steward")?.email ?? "";
    return `${users.length} users; owner ${owner}, steward ${steward}`;
  });

  let tag = "";
  await step("Step 3: GET /tags → a tag to apply", async () => {
    const tags = await dg.listTags({}, { maxPages: 1 }).toArray();
    tag = tags[0]?.name ?? "";
    return `tags ${tags.map((t) => t.name).join(", ")}; using "${tag}"`;
  });

  await step("Step 4: POST /sources/{versionId} → the new source", async () => {
    const { id, location } = await dg.createSource(versionId, {
      name: "My NoSQL source",
      type: "NoSql",
      tags: [tag],
      owners: [owner],
      stewards: [steward],
    });
    return `created source ${id} at ${location}`;
  });
}
