// Pipeline schedules: list, get, create, update, delete, and run one now.
import { type PageIterator, type RequestOptions, unwrap } from "@dataclients/core";
import { bodyOptions, splitWriteOptions, type WriteOptions } from "./body-format.js";
import { type HelperContext, requireToken } from "./context.js";
import type { QueryOf } from "./helper-types.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkNumericId, checkResourceId, type ProjectId } from "./project-id.js";
import type { PipelineSchedule, PipelineScheduleCreate, PipelineScheduleUpdate, StatusMessage } from "./types.js";

export function scheduleHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  const init = (call: RequestOptions) => ctx.core.requestInit(call);
  const schedulePath = (projectId: ProjectId, scheduleId: number) => ({
    id: checkResourceId(projectId),
    pipeline_schedule_id: checkNumericId(scheduleId, "scheduleId"),
  });

  return {
    listPipelineSchedules(
      projectId: ProjectId,
      query: QueryOf<"listPipelineSchedules"> = {},
      options: PaginateCallOptions = {},
    ): PageIterator<PipelineSchedule> {
      const id = checkResourceId(projectId);
      return paginate("/projects/{id}/pipeline_schedules", { ...options, params: { path: { id }, query } });
    },

    /** One schedule, with its last pipeline and variables. */
    async getPipelineSchedule(
      projectId: ProjectId,
      scheduleId: number,
      call: RequestOptions = {},
    ): Promise<PipelineSchedule> {
      requireToken(ctx, "getPipelineSchedule");
      const params = { path: schedulePath(projectId, scheduleId) };
      return unwrap(
        await api.GET("/projects/{id}/pipeline_schedules/{pipeline_schedule_id}", { params, ...init(call) }),
      );
    },

    /** Creates a schedule (`{ description, ref, cron, cron_timezone, active }`, as the DataOps.live docs show). */
    async createPipelineSchedule(
      projectId: ProjectId,
      body: PipelineScheduleCreate,
      options: WriteOptions = {},
    ): Promise<PipelineSchedule> {
      requireToken(ctx, "createPipelineSchedule");
      const { format, call } = splitWriteOptions(options);
      const params = { path: { id: checkResourceId(projectId) } };
      return unwrap(
        await api.POST("/projects/{id}/pipeline_schedules", { params, body, ...bodyOptions(format), ...init(call) }),
      );
    },

    async updatePipelineSchedule(
      projectId: ProjectId,
      scheduleId: number,
      body: PipelineScheduleUpdate,
      options: WriteOptions = {},
    ): Promise<PipelineSchedule> {
      requireToken(ctx, "updatePipelineSchedule");
      const { format, call } = splitWriteOptions(options);
      const params = { path: schedulePath(projectId, scheduleId) };
      return unwrap(
        await api.PUT("/projects/{id}/pipeline_schedules/{pipeline_schedule_id}", {
          params,
          body,
          ...bodyOptions(format),
          ...init(call),
        }),
      );
    },

    async deletePipelineSchedule(projectId: ProjectId, scheduleId: number, call: RequestOptions = {}): Promise<void> {
      requireToken(ctx, "deletePipelineSchedule");
      const params = { path: schedulePath(projectId, scheduleId) };
      unwrap(await api.DELETE("/projects/{id}/pipeline_schedules/{pipeline_schedule_id}", { params, ...init(call) }));
    },

    /** Runs the schedule's pipeline now (the next scheduled run is unchanged). */
    async playPipelineSchedule(
      projectId: ProjectId,
      scheduleId: number,
      call: RequestOptions = {},
    ): Promise<StatusMessage> {
      requireToken(ctx, "playPipelineSchedule");
      const params = { path: schedulePath(projectId, scheduleId) };
      return unwrap(
        await api.POST("/projects/{id}/pipeline_schedules/{pipeline_schedule_id}/play", { params, ...init(call) }),
      );
    },
  };
}
