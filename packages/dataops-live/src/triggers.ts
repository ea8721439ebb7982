// Triggering a pipeline with a trigger token (managing tokens is generated): the input is checked before sending.
import { ConfigurationError, requireNonEmpty, type WriteOptions } from "@dataclients/core";
import type { GeneratedClient } from "./client.js";
import type { ProjectId } from "./project-id.js";
import type { Pipeline } from "./types.js";

export interface TriggerPipelineInput {
  /** The pipeline trigger token (or `$CI_JOB_TOKEN` inside a CI job). Sent in the body, never in a header. */
  token: string;
  /** The branch, tag or commit SHA to run. */
  ref: string;
  /** Pipeline variables; `_PIPELINE_FILE_NAME` selects the DataOps pipeline file (e.g. "full-ci.yml"). */
  variables?: Record<string, string>;
  /** CI/CD inputs (GitLab 17.10+). */
  inputs?: Record<string, unknown>;
}

export function triggerFlows(client: GeneratedClient) {
  return {
    /**
     * Triggers a pipeline with a pipeline trigger token: no access token is needed, and the client's own
     * credential is not sent (the spec's `security: []`). `format: "multipart"` sends what `curl --form` does
     * (`variables[_PIPELINE_FILE_NAME]=full-ci.yml`); JSON is the default. The input is checked before sending.
     */
    triggerPipeline(
      projectId: ProjectId,
      input: TriggerPipelineInput,
      options: WriteOptions<"json" | "multipart" | "urlencoded"> = {},
    ): Promise<Pipeline> {
      return (async () => client.triggerPipeline(projectId, { body: checkTriggerInput(input) }, options))();
    },
  };
}

function checkTriggerInput(input: TriggerPipelineInput): TriggerPipelineInput {
  if (typeof input !== "object" || input === null) {
    throw new ConfigurationError("DataOps.live: triggerPipeline() needs { token, ref, variables? }");
  }
  // The token's value never appears in a message: only that it is missing or malformed.
  if (typeof input.token !== "string" || input.token.trim() === "") {
    throw new ConfigurationError(
      "DataOps.live: triggerPipeline() needs `token`, the pipeline trigger token (a non-empty string)",
    );
  }
  const ref = requireNonEmpty(input.ref, "ref", "DataOps.live", "the branch, tag or commit SHA to run");
  const variables = input.variables;
  if (variables !== undefined) {
    if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
      throw new ConfigurationError(
        'DataOps.live: trigger `variables` must be an object such as { _PIPELINE_FILE_NAME: "full-ci.yml" }',
      );
    }
    for (const [key, value] of Object.entries(variables)) {
      if (key === "" || typeof value !== "string") {
        throw new ConfigurationError(`DataOps.live: trigger variable ${JSON.stringify(key)} needs a string value`);
      }
    }
  }
  const body: TriggerPipelineInput = { token: input.token, ref };
  if (variables !== undefined) body.variables = variables;
  if (input.inputs !== undefined) body.inputs = input.inputs;
  return body;
}
