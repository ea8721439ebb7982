// Jobs: list (per project, per pipeline), get, log (trace), cancel, retry, play, erase, and artifacts.
import { type PageIterator, type RequestOptions, requireNonEmpty, unwrap } from "@dataclients/core";
import { type HelperContext, requireToken } from "./context.js";
import { type Download, toDownload } from "./downloads.js";
import type { QueryOf } from "./helper-types.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkNumericId, checkResourceId, type ProjectId } from "./project-id.js";
import type { Job, JobPlay } from "./types.js";

/** Per-call options of the artifact downloads: `jobToken` authenticates with `$CI_JOB_TOKEN` inside a CI job. */
export interface ArtifactOptions extends RequestOptions {
  jobToken?: string;
}

export function jobHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  const init = (call: RequestOptions) => ctx.core.requestInit(call);
  const jobPath = (projectId: ProjectId, jobId: number) => ({
    id: checkResourceId(projectId),
    job_id: checkNumericId(jobId, "jobId"),
  });
  const artifactQuery = (jobToken: string | undefined) => (jobToken === undefined ? {} : { job_token: jobToken });

  return {
    /** A project's jobs, newest first, page by page (`scope[]` filters by status). GitLab sends no totals here. */
    listJobs(
      projectId: ProjectId,
      query: QueryOf<"listProjectJobs"> = {},
      options: PaginateCallOptions = {},
    ): PageIterator<Job> {
      const id = checkResourceId(projectId);
      return paginate("/projects/{id}/jobs", { ...options, params: { path: { id }, query } });
    },

    /** A pipeline's jobs, page by page. */
    listPipelineJobs(
      projectId: ProjectId,
      pipelineId: number,
      query: QueryOf<"listPipelineJobs"> = {},
      options: PaginateCallOptions = {},
    ): PageIterator<Job> {
      const path = { id: checkResourceId(projectId), pipeline_id: checkNumericId(pipelineId, "pipelineId") };
      return paginate("/projects/{id}/pipelines/{pipeline_id}/jobs", { ...options, params: { path, query } });
    },

    async getJob(projectId: ProjectId, jobId: number, call: RequestOptions = {}): Promise<Job> {
      requireToken(ctx, "getJob");
      return unwrap(
        await api.GET("/projects/{id}/jobs/{job_id}", { params: { path: jobPath(projectId, jobId) }, ...init(call) }),
      );
    },

    /** The job's log as a stream (large logs are not buffered). */
    async getJobTrace(projectId: ProjectId, jobId: number, call: RequestOptions = {}): Promise<Download> {
      requireToken(ctx, "getJobTrace");
      const result = await api.GET("/projects/{id}/jobs/{job_id}/trace", {
        params: { path: jobPath(projectId, jobId) },
        parseAs: "stream",
        ...init(call),
      });
      return toDownload(result);
    },

    /** The job's log as text (empty while the job has not started). */
    async getJobTraceText(projectId: ProjectId, jobId: number, call: RequestOptions = {}): Promise<string> {
      requireToken(ctx, "getJobTrace");
      const result = await api.GET("/projects/{id}/jobs/{job_id}/trace", {
        params: { path: jobPath(projectId, jobId) },
        parseAs: "text",
        ...init(call),
      });
      return unwrap(result) ?? "";
    },

    async cancelJob(
      projectId: ProjectId,
      jobId: number,
      query: QueryOf<"cancelJob"> = {},
      call: RequestOptions = {},
    ): Promise<Job> {
      requireToken(ctx, "cancelJob");
      const params = { path: jobPath(projectId, jobId), query };
      return unwrap(await api.POST("/projects/{id}/jobs/{job_id}/cancel", { params, ...init(call) }));
    },

    /** Retries a job; returns the new job. */
    async retryJob(projectId: ProjectId, jobId: number, call: RequestOptions = {}): Promise<Job> {
      requireToken(ctx, "retryJob");
      const params = { path: jobPath(projectId, jobId) };
      return unwrap(await api.POST("/projects/{id}/jobs/{job_id}/retry", { params, ...init(call) }));
    },

    /** Starts a manual (or delayed) job, optionally with job variables. */
    async playJob(projectId: ProjectId, jobId: number, body?: JobPlay, call: RequestOptions = {}): Promise<Job> {
      requireToken(ctx, "playJob");
      const params = { path: jobPath(projectId, jobId) };
      return unwrap(await api.POST("/projects/{id}/jobs/{job_id}/play", { params, body, ...init(call) }));
    },

    /** Removes a finished job's artifacts and log. */
    async eraseJob(projectId: ProjectId, jobId: number, call: RequestOptions = {}): Promise<Job> {
      requireToken(ctx, "eraseJob");
      const params = { path: jobPath(projectId, jobId) };
      return unwrap(await api.POST("/projects/{id}/jobs/{job_id}/erase", { params, ...init(call) }));
    },

    /** The job's artifacts archive (zip) as a stream; redirects to object storage are followed without the token. */
    async downloadJobArtifacts(projectId: ProjectId, jobId: number, options: ArtifactOptions = {}): Promise<Download> {
      const { jobToken, ...call } = options;
      const result = await api.GET("/projects/{id}/jobs/{job_id}/artifacts", {
        params: { path: jobPath(projectId, jobId), query: artifactQuery(jobToken) },
        parseAs: "stream",
        ...init(call),
      });
      return toDownload(result);
    },

    /** One file of the job's artifacts ("target/run_results.json") as a stream. */
    async downloadArtifactFile(
      projectId: ProjectId,
      jobId: number,
      artifactPath: string,
      options: ArtifactOptions = {},
    ): Promise<Download> {
      const { jobToken, ...call } = options;
      const artifact_path = requireNonEmpty(artifactPath, "artifactPath", "DataOps.live", "a file inside the archive");
      const result = await api.GET("/projects/{id}/jobs/{job_id}/artifacts/{artifact_path}", {
        params: { path: { ...jobPath(projectId, jobId), artifact_path }, query: artifactQuery(jobToken) },
        parseAs: "stream",
        ...init(call),
      });
      return toDownload(result);
    },

    /** The artifacts archive of the job named `jobName` in the latest successful pipeline for `ref`. */
    async downloadArtifactsByRef(
      projectId: ProjectId,
      ref: string,
      jobName: string,
      options: ArtifactOptions = {},
    ): Promise<Download> {
      const { jobToken, ...call } = options;
      const ref_name = requireNonEmpty(ref, "ref", "DataOps.live", "a branch or tag");
      const job = requireNonEmpty(jobName, "jobName", "DataOps.live", "the name of the job");
      const result = await api.GET("/projects/{id}/jobs/artifacts/{ref_name}/download", {
        params: { path: { id: checkResourceId(projectId), ref_name }, query: { job, ...artifactQuery(jobToken) } },
        parseAs: "stream",
        ...init(call),
      });
      return toDownload(result);
    },
  };
}
