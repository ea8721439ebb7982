// Which calls need `auth` follows the spec's `security` (through the generated operation list).
import { describe, expect, it } from "vitest";
import { TOKEN_OPTIONAL_GET_PATHS, TOKEN_OPTIONAL_OPERATIONS } from "../../src/token-rules.js";

describe("token rules", () => {
  it("public reads and the trigger endpoints work without a token; everything else needs one", () => {
    expect([...TOKEN_OPTIONAL_OPERATIONS].sort()).toEqual(
      [
        "downloadArtifactsByRef",
        "downloadJobArtifacts",
        "getGroup",
        "getJobArtifactFile",
        "getPipeline",
        "getProject",
        "listGroupProjects",
        "listGroups",
        "listPipelineJobs",
        "listPipelines",
        "listProjects",
        "triggerPipeline",
        "triggerPipelineForRef",
      ].sort(),
    );
    for (const needsToken of [
      "listNamespaces",
      "createProject",
      "getJobTrace",
      "listProjectVariables",
      "createTrigger",
    ]) {
      expect(TOKEN_OPTIONAL_OPERATIONS.has(needsToken as never)).toBe(false);
    }
  });

  it("paginate() accepts the anonymous list paths and no token-only list", () => {
    for (const path of [
      "/projects",
      "/groups",
      "/groups/{id}/projects",
      "/projects/{id}/pipelines",
      "/projects/{id}/pipelines/{pipeline_id}/jobs",
    ]) {
      expect(TOKEN_OPTIONAL_GET_PATHS.has(path)).toBe(true);
    }
    for (const path of ["/namespaces", "/projects/{id}/jobs", "/projects/{id}/variables", "/projects/{id}/triggers"]) {
      expect(TOKEN_OPTIONAL_GET_PATHS.has(path)).toBe(false);
    }
  });
});
