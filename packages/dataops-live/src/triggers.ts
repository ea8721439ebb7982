// Pipeline trigger tokens: manage them (needs an access token), and trigger a pipeline with one (needs none).
import { ConfigurationError, type PageIterator, type RequestOptions, requireNonEmpty, unwrap } from "@dataclients/core";
import { bodyOptions, splitWriteOptions, type WriteOptions } from "./body-format.js";
import { type HelperContext, requireToken } from "./context.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkNumericId, checkResourceId, type ProjectId } from "./project-id.js";
import type { Pipeline, Trigger, TriggerCreate, TriggerUpdate } from "./types.js";

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

export function triggerHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  const init = (call: RequestOptions) => ctx.core.requestInit(call);
  const triggerPath = (projectId: ProjectId, triggerId: number) => ({
    id: checkResourceId(projectId),
    trigger_id: checkNumericId(triggerId, "triggerId"),
  });

  return {
    /** The project's trigger tokens, page by page (other users' tokens are shortened to 4 characters). */
    listTriggers(projectId: ProjectId, options: PaginateCallOptions = {}): PageIterator<Trigger> {
      const id = checkResourceId(projectId);
      return paginate("/projects/{id}/triggers", { ...options, params: { path: { id } } });
    },

    async getTrigger(projectId: ProjectId, triggerId: number, call: RequestOptions = {}): Promise<Trigger> {
      requireToken(ctx, "getTrigger");
      const params = { path: triggerPath(projectId, triggerId) };
      return unwrap(await api.GET("/projects/{id}/triggers/{trigger_id}", { params, ...init(call) }));
    },

    async createTrigger(projectId: ProjectId, body: TriggerCreate, options: WriteOptions = {}): Promise<Trigger> {
      requireToken(ctx, "createTrigger");
      const { format, call } = splitWriteOptions(options);
      const params = { path: { id: checkResourceId(projectId) } };
      return unwrap(await api.POST("/projects/{id}/triggers", { params, body, ...bodyOptions(format), ...init(call) }));
    },

    async updateTrigger(
      projectId: ProjectId,
      triggerId: number,
      body: TriggerUpdate,
      options: WriteOptions = {},
    ): Promise<Trigger> {
      requireToken(ctx, "updateTrigger");
      const { format, call } = splitWriteOptions(options);
      const params = { path: triggerPath(projectId, triggerId) };
      return unwrap(
        await api.PUT("/projects/{id}/triggers/{trigger_id}", { params, body, ...bodyOptions(format), ...init(call) }),
      );
    },

    async deleteTrigger(projectId: ProjectId, triggerId: number, call: RequestOptions = {}): Promise<void> {
      requireToken(ctx, "deleteTrigger");
      const params = { path: triggerPath(projectId, triggerId) };
      unwrap(await api.DELETE("/projects/{id}/triggers/{trigger_id}", { params, ...init(call) }));
    },

    /**
     * Triggers a pipeline with a pipeline trigger token: no access token is needed, and the client's own
     * credential is not sent (least privilege). `format: "multipart"` sends what `curl --form` does
     * (`variables[_PIPELINE_FILE_NAME]=full-ci.yml`); JSON is the default.
     */
    async triggerPipeline(
      projectId: ProjectId,
      input: TriggerPipelineInput,
      options: WriteOptions = {},
    ): Promise<Pipeline> {
      const id = checkResourceId(projectId);
      const body = checkTriggerInput(input);
      const { format, call } = splitWriteOptions(options);
      const result = await ctx.anonymous.api.POST("/projects/{id}/trigger/pipeline", {
        params: { path: { id } },
        body,
        ...bodyOptions(format),
        ...ctx.anonymous.requestInit(call),
      });
      return unwrap(result);
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
