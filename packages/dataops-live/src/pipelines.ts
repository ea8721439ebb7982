// Pipeline flows: create one with variables written as an object, and wait for one to settle.
import {
  ConfigurationError,
  type RequestOptions,
  requireNonEmpty,
  type WaitOptions,
  waitUntil,
} from "@dataclients/core";
import type { GeneratedClient } from "./client.js";
import type { ProjectId } from "./project-id.js";
import type { Pipeline, PipelineStatus, PipelineVariableInput } from "./types.js";

/** Statuses after which a pipeline will not move on its own: finished, or waiting for a person or a time. */
export const SETTLED_PIPELINE_STATUSES: ReadonlySet<PipelineStatus> = new Set<PipelineStatus>([
  "success",
  "failed",
  "canceled",
  "skipped",
  "manual",
  "scheduled",
]);

export interface CreatePipelineInput {
  /** The branch or tag to run. */
  ref: string;
  /** `{ KEY: "value" }`, or GitLab's `[{ key, value, variable_type }]` to send file variables. */
  variables?: Record<string, string> | PipelineVariableInput[];
  /** CI/CD inputs (GitLab 17.10+). */
  inputs?: Record<string, unknown>;
}

/** `waitForPipeline` options; `waitTimeout` defaults to 1 hour (data pipelines run long). */
export type WaitForPipelineOptions = WaitOptions<Pipeline>;

const DEFAULT_PIPELINE_WAIT_MS = 3_600_000;

export function pipelineFlows(client: GeneratedClient) {
  return {
    /** Runs the project's pipeline for `ref` (POST /projects/:id/pipeline), with variables as an object or list. */
    createPipeline(projectId: ProjectId, input: CreatePipelineInput, options: RequestOptions = {}): Promise<Pipeline> {
      return (async () => {
        const ref = requireNonEmpty(input?.ref, "ref", "DataOps.live", "the branch or tag to run");
        const body = { ref, variables: variableList(input.variables), inputs: input.inputs };
        return client.createPipeline(projectId, body, options);
      })();
    },

    /**
     * Polls the pipeline (with backoff) until it settles: success, failed, canceled or skipped, or manual /
     * scheduled (it would otherwise wait for a person or a time, so this returns instead of hanging). Returns
     * the last state (core's rule for waits that return an object); check `status`.
     */
    async waitForPipeline(
      projectId: ProjectId,
      pipelineId: number,
      options: WaitForPipelineOptions = {},
    ): Promise<Pipeline> {
      return waitUntil(
        (call) => client.getPipeline(projectId, pipelineId, call),
        (pipeline) => SETTLED_PIPELINE_STATUSES.has(pipeline.status),
        options,
        {
          waitTimeout: DEFAULT_PIPELINE_WAIT_MS,
          initialDelayMs: 2_000,
          maxDelayMs: 30_000,
          factor: 1.5,
          what: `DataOps.live pipeline ${pipelineId}`,
        },
      );
    },
  };
}

/** `{ KEY: "v" }` → `[{ key: "KEY", value: "v" }]`; an array passes through (checked). */
function variableList(variables: CreatePipelineInput["variables"]): PipelineVariableInput[] | undefined {
  if (variables === undefined) return undefined;
  if (typeof variables !== "object" || variables === null) {
    throw new ConfigurationError(
      'DataOps.live: pipeline `variables` must be an object such as { KEY: "value" } or a list of { key, value }',
    );
  }
  const list = Array.isArray(variables) ? variables : Object.entries(variables).map(([key, value]) => ({ key, value }));
  for (const variable of list) {
    if (typeof variable?.key !== "string" || variable.key === "" || typeof variable.value !== "string") {
      throw new ConfigurationError(
        `DataOps.live: pipeline variable ${JSON.stringify(variable?.key ?? null)} needs a non-empty string key and a string value`,
      );
    }
  }
  return list;
}
