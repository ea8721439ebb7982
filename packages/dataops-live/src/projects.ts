// Projects: list (paged), get, create and update (JSON or form fields), delete.
import { type PageIterator, type RequestOptions, unwrap } from "@dataclients/core";
import { type BodyFormat, bodyOptions, splitWriteOptions, type WriteOptions } from "./body-format.js";
import { type HelperContext, requireToken } from "./context.js";
import type { BodyFor, QueryOf } from "./helper-types.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkResourceId, type ProjectId } from "./project-id.js";
import type {
  Project,
  ProjectCreate,
  ProjectCreateForm,
  ProjectUpdate,
  ProjectUpdateForm,
  StatusMessage,
} from "./types.js";

export function projectHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  return {
    /** Projects visible to the caller (public ones without a token), page by page: iterate, `.pages()` or `.toArray()`. */
    listProjects(query: QueryOf<"listProjects"> = {}, options: PaginateCallOptions = {}): PageIterator<Project> {
      return paginate("/projects", { ...options, params: { query } });
    },

    /** One project by numeric id or full path ("my-group/my-project"). */
    async getProject(
      projectId: ProjectId,
      query: QueryOf<"getProject"> = {},
      call: RequestOptions = {},
    ): Promise<Project> {
      const id = checkResourceId(projectId);
      return unwrap(
        await api.GET("/projects/{id}", { params: { path: { id }, query }, ...ctx.core.requestInit(call) }),
      );
    },

    /**
     * Creates a project. `format: "multipart"` or `"urlencoded"` sends form fields, as the DataOps.live
     * `curl --form` example does (`"permissions[project_access]": "null"` included).
     */
    async createProject<F extends BodyFormat = "json">(
      body: BodyFor<F, ProjectCreate, ProjectCreateForm>,
      options: WriteOptions & { format?: F } = {},
    ): Promise<Project> {
      requireToken(ctx, "createProject");
      const { format, call } = splitWriteOptions(options);
      const result = await api.POST("/projects", {
        body: body as ProjectCreate | ProjectCreateForm,
        ...bodyOptions(format),
        ...ctx.core.requestInit(call),
      });
      return unwrap(result);
    },

    /** Updates a project's settings (JSON or form fields). */
    async updateProject<F extends BodyFormat = "json">(
      projectId: ProjectId,
      body: BodyFor<F, ProjectUpdate, ProjectUpdateForm>,
      options: WriteOptions & { format?: F } = {},
    ): Promise<Project> {
      requireToken(ctx, "updateProject");
      const id = checkResourceId(projectId);
      const { format, call } = splitWriteOptions(options);
      const result = await api.PUT("/projects/{id}", {
        params: { path: { id } },
        body: body as ProjectUpdate | ProjectUpdateForm,
        ...bodyOptions(format),
        ...ctx.core.requestInit(call),
      });
      return unwrap(result);
    },

    /** Schedules the project for deletion (GitLab answers 202 `{"message":"202 Accepted"}`). */
    async deleteProject(projectId: ProjectId, call: RequestOptions = {}): Promise<StatusMessage> {
      requireToken(ctx, "deleteProject");
      const id = checkResourceId(projectId);
      return unwrap(await api.DELETE("/projects/{id}", { params: { path: { id } }, ...ctx.core.requestInit(call) }));
    },
  };
}
