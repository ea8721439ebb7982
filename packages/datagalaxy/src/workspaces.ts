// Step 1 of the seed: the workspace version id every later call takes. The guide uses the workspace's
// `defaultVersionId` (even with versioning enabled), so this returns it, and points to listVersions only when a
// workspace has none or when the caller has several workspaces and did not say which.
import { ConfigurationError, DataclientsError, type RequestOptions, requireNonEmpty } from "@dataclients/core";
import { NAME } from "./base-url.js";
import type { GeneratedClient } from "./client.js";
import type { Workspace } from "./generated/schema.js";

const SHOWN = 10;

function describe(workspaces: readonly Workspace[]): string {
  const shown = workspaces.slice(0, SHOWN).map((w) => `"${w.name}" (${w.id})`);
  const more = workspaces.length > SHOWN ? `, and ${workspaces.length - SHOWN} more` : "";
  return `${shown.join(", ")}${more}`;
}

function pick(workspaces: readonly Workspace[], workspaceId: string | undefined): Workspace {
  if (workspaceId !== undefined) {
    const found = workspaces.find((w) => w.id === workspaceId);
    if (found) return found;
    throw new ConfigurationError(
      `${NAME}: defaultVersionId("${workspaceId}"): no workspace with that id among the ${workspaces.length} this token can access${workspaces.length ? `: ${describe(workspaces)}` : ""}`,
    );
  }
  const [only] = workspaces;
  if (workspaces.length === 1 && only) return only;
  if (workspaces.length === 0) {
    throw new DataclientsError(
      `${NAME}: defaultVersionId(): this token can access no workspace; an integration token must be granted access to a workspace (Administration → Integration → Tokens)`,
    );
  }
  throw new ConfigurationError(
    `${NAME}: defaultVersionId(): this token can access ${workspaces.length} workspaces (${describe(workspaces)}); say which: defaultVersionId("<workspace id>"), or choose a version with listVersions("<workspace id>")`,
  );
}

export function workspaceFlows(client: GeneratedClient) {
  return {
    /**
     * The workspace version id to pass to the other calls (seed step 1, `GET /workspaces`): the workspace's
     * `defaultVersionId`. `workspaceId` is needed only when the token can access several workspaces. A workspace
     * without a default version fails with an error naming `listVersions(workspaceId)`.
     */
    async defaultVersionId(workspaceId?: string, options?: RequestOptions): Promise<string> {
      if (workspaceId !== undefined)
        requireNonEmpty(workspaceId, "workspaceId", NAME, "a workspace id from listWorkspaces()");
      const { projects } = await client.listWorkspaces(options);
      // The spec requires `projects`; a proxy or an older API answering something else should say so plainly.
      if (!Array.isArray(projects)) {
        throw new DataclientsError(
          `${NAME}: GET /workspaces answered without the \`projects\` list of workspaces; check that \`baseUrl\` is the API base URL (ending in /v2)`,
        );
      }
      const workspace = pick(projects, workspaceId);
      if (typeof workspace.defaultVersionId === "string" && workspace.defaultVersionId !== "") {
        return workspace.defaultVersionId;
      }
      throw new DataclientsError(
        `${NAME}: workspace "${workspace.name}" (${workspace.id}) has no default version; choose one with listVersions("${workspace.id}") and pass its versionId`,
      );
    },
  };
}
