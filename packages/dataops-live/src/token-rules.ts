// Which operations work without an access token (the spec's `security` lists `{}` or is empty): public
// reads, and the trigger endpoints, which authenticate with a trigger token in the body instead. Every
// other helper fails before sending anything when the client has no `auth`. A unit test keeps this list
// equal to the spec.
import { ConfigurationError } from "@dataclients/core";
import type { OperationId } from "./generated/operations.js";

export const TOKEN_OPTIONAL_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "listProjects",
  "getProject",
  "listGroups",
  "getGroup",
  "listGroupProjects",
  "listPipelines",
  "getPipeline",
  "listPipelineJobs",
  "downloadJobArtifacts",
  "getJobArtifactFile",
  "downloadArtifactsByRef",
  "triggerPipeline",
  "triggerPipelineForRef",
]);

/** The list paths of TOKEN_OPTIONAL_OPERATIONS, for `paginate(path)`. */
export const TOKEN_OPTIONAL_LIST_PATHS: ReadonlySet<string> = new Set([
  "/projects",
  "/groups",
  "/groups/{id}/projects",
  "/projects/{id}/pipelines",
  "/projects/{id}/pipelines/{pipeline_id}/jobs",
]);

export function missingTokenError(operation: string): ConfigurationError {
  return new ConfigurationError(
    `DataOps.live: ${operation} needs an access token; create the client with auth: privateToken("<personal, project or group access token>")`,
  );
}
