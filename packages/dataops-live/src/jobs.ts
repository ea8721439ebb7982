// Job flows: the log as text, and the helper names that predate the generated methods (kept as aliases).
import type { Download, ListOptions, RequestOptions } from "@dataclients/core";
import type { GeneratedClient } from "./client.js";
import type { ProjectId } from "./project-id.js";

/** Per-call options of the artifact downloads: `jobToken` authenticates with `$CI_JOB_TOKEN` inside a CI job. */
export interface ArtifactOptions extends RequestOptions {
  jobToken?: string;
}

export function jobFlows(client: GeneratedClient) {
  return {
    /** The job's log as text (empty while the job has not started). */
    async getJobTraceText(projectId: ProjectId, jobId: number, options: RequestOptions = {}): Promise<string> {
      return (await client.getJobTrace(projectId, jobId, options)).text();
    },

    /** @deprecated Use `listProjectJobs` (the operation's name); same arguments. */
    listJobs(
      projectId: ProjectId,
      query?: Parameters<GeneratedClient["listProjectJobs"]>[1],
      options?: ListOptions,
    ): ReturnType<GeneratedClient["listProjectJobs"]> {
      return client.listProjectJobs(projectId, query, options);
    },

    /** @deprecated Use `getJobArtifactFile(projectId, jobId, path, { job_token }, options)`. */
    downloadArtifactFile(
      projectId: ProjectId,
      jobId: number,
      artifactPath: string,
      options: ArtifactOptions = {},
    ): Promise<Download> {
      const { jobToken, ...call } = options;
      return client.getJobArtifactFile(projectId, jobId, artifactPath, jobToken ? { job_token: jobToken } : {}, call);
    },
  };
}
