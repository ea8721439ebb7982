// Which calls need `auth` follows the spec's `security` (through the generated operation table: an operation
// works without a token when one of its security alternatives is empty, or it declares none at all).
import { describe, expect, it } from "vitest";
import { operations } from "../../src/generated/operations.js";

const tokenOptional = Object.entries(operations).filter(
  ([, op]) => op.security.length === 0 || op.security.some((alternative) => alternative.length === 0),
);
const TOKEN_OPTIONAL_OPERATIONS: ReadonlySet<string> = new Set(tokenOptional.map(([id]) => id));
const TOKEN_OPTIONAL_GET_PATHS: ReadonlySet<string> = new Set(
  tokenOptional.filter(([, op]) => op.method === "GET").map(([, op]) => op.path),
);

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
      expect(TOKEN_OPTIONAL_OPERATIONS.has(needsToken)).toBe(false);
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
