// Project-level CI/CD variables. A key used in several environment scopes needs `environmentScope`
// (GitLab otherwise answers 409 and asks for filter[environment_scope]).
import { type PageIterator, type RequestOptions, requireNonEmpty, unwrap } from "@dataclients/core";
import { bodyOptions, splitWriteOptions, type WriteOptions } from "./body-format.js";
import { type HelperContext, requireToken } from "./context.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkResourceId, type ProjectId } from "./project-id.js";
import type { ProjectVariable, ProjectVariableCreate, ProjectVariableUpdate } from "./types.js";

export interface VariableScopeOptions {
  /** Selects one variable when several share the key (`filter[environment_scope]`). */
  environmentScope?: string;
}

export function variableHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  const init = (call: RequestOptions) => ctx.core.requestInit(call);
  const variableParams = (projectId: ProjectId, key: string, scope: string | undefined) => ({
    path: { id: checkResourceId(projectId), key: requireNonEmpty(key, "key", "DataOps.live", "the variable's key") },
    query: scope === undefined ? {} : { "filter[environment_scope]": scope },
  });

  return {
    listProjectVariables(projectId: ProjectId, options: PaginateCallOptions = {}): PageIterator<ProjectVariable> {
      const id = checkResourceId(projectId);
      return paginate("/projects/{id}/variables", { ...options, params: { path: { id } } });
    },

    async getProjectVariable(
      projectId: ProjectId,
      key: string,
      options: RequestOptions & VariableScopeOptions = {},
    ): Promise<ProjectVariable> {
      requireToken(ctx, "getProjectVariable");
      const { environmentScope, ...call } = options;
      const params = variableParams(projectId, key, environmentScope);
      return unwrap(await api.GET("/projects/{id}/variables/{key}", { params, ...init(call) }));
    },

    async createProjectVariable(
      projectId: ProjectId,
      body: ProjectVariableCreate,
      options: WriteOptions = {},
    ): Promise<ProjectVariable> {
      requireToken(ctx, "createProjectVariable");
      const { format, call } = splitWriteOptions(options);
      const params = { path: { id: checkResourceId(projectId) } };
      return unwrap(
        await api.POST("/projects/{id}/variables", { params, body, ...bodyOptions(format), ...init(call) }),
      );
    },

    async updateProjectVariable(
      projectId: ProjectId,
      key: string,
      body: ProjectVariableUpdate,
      options: WriteOptions & VariableScopeOptions = {},
    ): Promise<ProjectVariable> {
      requireToken(ctx, "updateProjectVariable");
      const { environmentScope, ...rest } = options;
      const { format, call } = splitWriteOptions(rest);
      const params = variableParams(projectId, key, environmentScope);
      return unwrap(
        await api.PUT("/projects/{id}/variables/{key}", { params, body, ...bodyOptions(format), ...init(call) }),
      );
    },

    async deleteProjectVariable(
      projectId: ProjectId,
      key: string,
      options: RequestOptions & VariableScopeOptions = {},
    ): Promise<void> {
      requireToken(ctx, "deleteProjectVariable");
      const { environmentScope, ...call } = options;
      const params = variableParams(projectId, key, environmentScope);
      unwrap(await api.DELETE("/projects/{id}/variables/{key}", { params, ...init(call) }));
    },
  };
}
