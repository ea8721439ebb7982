// Pipelines: list, get, create (with variables), cancel, retry, delete, their variables, and waiting for
// one to settle.
import {
  ConfigurationError,
  type PageIterator,
  type PollOptions,
  pollUntil,
  type RequestOptions,
  requireNonEmpty,
  unwrap,
} from "@dataclients/core";
import { type HelperContext, requireToken } from "./context.js";
import type { QueryOf } from "./helper-types.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkNumericId, checkResourceId, type ProjectId } from "./project-id.js";
import type { Pipeline, PipelineStatus, PipelineVariable, PipelineVariableInput } from "./types.js";

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

export interface WaitForPipelineOptions
  extends RequestOptions,
    Pick<PollOptions<Pipeline>, "initialDelayMs" | "maxDelayMs" | "factor"> {
  /** Overall limit for the wait in ms (`timeout` is per request). Default 1 hour: data pipelines run long. */
  waitTimeout?: number;
  /** Called with each polled pipeline (progress reporting). */
  onPoll?: (pipeline: Pipeline, attempt: number) => void;
}

export const DEFAULT_PIPELINE_WAIT_MS = 3_600_000;

export function pipelineHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  const init = (call: RequestOptions) => ctx.core.requestInit(call);

  async function getPipeline(projectId: ProjectId, pipelineId: number, call: RequestOptions = {}): Promise<Pipeline> {
    const id = checkResourceId(projectId);
    const pipeline_id = checkNumericId(pipelineId, "pipelineId");
    return unwrap(
      await api.GET("/projects/{id}/pipelines/{pipeline_id}", { params: { path: { id, pipeline_id } }, ...init(call) }),
    );
  }

  return {
    /** A project's pipelines, newest first, page by page. */
    listPipelines(
      projectId: ProjectId,
      query: QueryOf<"listPipelines"> = {},
      options: PaginateCallOptions = {},
    ): PageIterator<Pipeline> {
      const id = checkResourceId(projectId);
      return paginate("/projects/{id}/pipelines", { ...options, params: { path: { id }, query } });
    },

    /** One pipeline, with its status, timing and user. */
    getPipeline,

    /** Runs the project's pipeline for `ref` (POST /projects/:id/pipeline), with variables. */
    async createPipeline(
      projectId: ProjectId,
      input: CreatePipelineInput,
      call: RequestOptions = {},
    ): Promise<Pipeline> {
      requireToken(ctx, "createPipeline");
      const id = checkResourceId(projectId);
      const ref = requireNonEmpty(input?.ref, "ref", "DataOps.live", "the branch or tag to run");
      const body = { ref, variables: variableList(input.variables), inputs: input.inputs };
      return unwrap(await api.POST("/projects/{id}/pipeline", { params: { path: { id } }, body, ...init(call) }));
    },

    /** Cancels the pipeline's running jobs. */
    async cancelPipeline(projectId: ProjectId, pipelineId: number, call: RequestOptions = {}): Promise<Pipeline> {
      requireToken(ctx, "cancelPipeline");
      const path = { id: checkResourceId(projectId), pipeline_id: checkNumericId(pipelineId, "pipelineId") };
      return unwrap(
        await api.POST("/projects/{id}/pipelines/{pipeline_id}/cancel", { params: { path }, ...init(call) }),
      );
    },

    /** Retries the pipeline's failed or canceled jobs. */
    async retryPipeline(projectId: ProjectId, pipelineId: number, call: RequestOptions = {}): Promise<Pipeline> {
      requireToken(ctx, "retryPipeline");
      const path = { id: checkResourceId(projectId), pipeline_id: checkNumericId(pipelineId, "pipelineId") };
      return unwrap(
        await api.POST("/projects/{id}/pipelines/{pipeline_id}/retry", { params: { path }, ...init(call) }),
      );
    },

    /** Deletes the pipeline with its jobs, logs and artifacts. Cannot be undone. */
    async deletePipeline(projectId: ProjectId, pipelineId: number, call: RequestOptions = {}): Promise<void> {
      requireToken(ctx, "deletePipeline");
      const path = { id: checkResourceId(projectId), pipeline_id: checkNumericId(pipelineId, "pipelineId") };
      unwrap(await api.DELETE("/projects/{id}/pipelines/{pipeline_id}", { params: { path }, ...init(call) }));
    },

    /** The variables the pipeline was created with, page by page. */
    listPipelineVariables(
      projectId: ProjectId,
      pipelineId: number,
      options: PaginateCallOptions = {},
    ): PageIterator<PipelineVariable> {
      const path = { id: checkResourceId(projectId), pipeline_id: checkNumericId(pipelineId, "pipelineId") };
      return paginate("/projects/{id}/pipelines/{pipeline_id}/variables", { ...options, params: { path } });
    },

    /**
     * Polls the pipeline (with backoff) until it settles: success, failed, canceled or skipped, or manual /
     * scheduled (it would otherwise wait for a person or a time, so this returns instead of hanging). Returns
     * the last state; check `status`. Ends with PollTimeoutError after `waitTimeout`, AbortError on `signal`.
     */
    async waitForPipeline(
      projectId: ProjectId,
      pipelineId: number,
      options: WaitForPipelineOptions = {},
    ): Promise<Pipeline> {
      const {
        waitTimeout = DEFAULT_PIPELINE_WAIT_MS,
        initialDelayMs = 2_000,
        maxDelayMs = 30_000,
        factor = 1.5,
        onPoll,
        ...call
      } = options;
      checkResourceId(projectId);
      checkNumericId(pipelineId, "pipelineId");
      return pollUntil(
        (signal) => getPipeline(projectId, pipelineId, { ...call, signal }),
        (pipeline) => SETTLED_PIPELINE_STATUSES.has(pipeline.status),
        {
          initialDelayMs,
          maxDelayMs,
          factor,
          timeout: waitTimeout,
          signal: call.signal,
          onPoll,
          what: `DataOps.live pipeline ${pipelineId}`,
        },
      );
    },
  };
}

/** `{ KEY: "v" }` → `[{ key: "KEY", value: "v" }]`; an array passes through (checked). */
export function variableList(variables: CreatePipelineInput["variables"]): PipelineVariableInput[] | undefined {
  if (variables === undefined) return undefined;
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
