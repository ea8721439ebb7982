// The seed's documented flow ("Using the REST API" plus triggering a pipeline), run by `pnpm demo` against the
// mock through the built package. Prism is stateless: its paging headers are rewritten per requested page by
// the mock proxy, so listings show three pages of the same example; pipelines answer their examples.
import {
  AuthenticationError,
  createDataopsLiveClient,
  privateToken,
  readPageHeaders,
  unwrap,
} from "@dataclients/dataops-live";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

const ACCESS_TOKEN = "glpat-your-access-token";
const TRIGGER_TOKEN = "6d056f63e50fe6f8c5f8f4aa10edb7";
const PROJECT = "example-group-name/example-project-name";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const dol = createDataopsLiveClient({ baseUrl, auth: privateToken(ACCESS_TOKEN) });
  const anonymous = createDataopsLiveClient({ baseUrl });

  await step('curl ".../projects" without a token (public projects only)', async () => {
    const projects = await anonymous
      .listProjects({}, { headers: { Prefer: "example=anonymous" }, maxPages: 1 })
      .toArray();
    return `${JSON.stringify(projects)} (nothing public is visible)`;
  });

  await step("A token is required elsewhere: GET /namespaces without one", async () => {
    const result = await anonymous.api.GET("/namespaces");
    try {
      unwrap(result);
    } catch (error) {
      if (error instanceof AuthenticationError) return `${error.status} ${JSON.stringify(error.body)}`;
      throw error;
    }
    throw new Error(`expected 401, got ${result.response.status}`);
  });

  await step('curl --header "private-token: …" ".../projects", page by page', async () => {
    const lines: string[] = [];
    for await (const page of dol.listProjects({ per_page: 20 }).pages()) {
      const headers = readPageHeaders(page.response?.headers ?? new Headers());
      lines.push(
        `page ${headers.page}: ${page.items.length} project(s) [${page.items.map((p) => p.path_with_namespace).join(", ")}], next page ${headers.nextPage ?? "none"}`,
      );
    }
    return lines.join("\n");
  });

  await step('".../namespaces?per_page=30&page=1", page by page', async () => {
    const lines: string[] = [];
    for await (const page of dol.listNamespaces({ per_page: 30, page: 1 }).pages()) {
      const headers = readPageHeaders(page.response?.headers ?? new Headers());
      lines.push(`page ${headers.page}: ${page.items.map((n) => `${n.full_path} (${n.kind})`).join(", ")}`);
    }
    return lines.join("\n");
  });

  await step("POST /projects with a JSON payload", async () => {
    const project = await dol.createProject({ name: "<example-name>", description: "<example-description>" });
    return `created project ${project.id} (${project.web_url})`;
  });

  await step('POST /projects with --form fields, "permissions[project_access]=null"', async () => {
    const project = await dol.createProject(
      { name: "<example-name>", description: "<example-description>", "permissions[project_access]": "null" },
      { format: "multipart" },
    );
    return `created project ${project.id} from multipart/form-data`;
  });

  let pipelineId = 0;
  await step("Trigger a pipeline with a trigger token, variables[_PIPELINE_FILE_NAME]=full-ci.yml", async () => {
    const pipeline = await dol.triggerPipeline(
      PROJECT,
      { token: TRIGGER_TOKEN, ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } },
      { format: "multipart" },
    );
    pipelineId = pipeline.id;
    return `pipeline ${pipeline.id} (${pipeline.source}) is ${pipeline.status}: ${pipeline.web_url}`;
  });

  let finishedId = 0;
  await step("Wait for the pipeline (waitForPipeline: polls with backoff until it settles)", async () => {
    const states: string[] = [];
    const pipeline = await dol.waitForPipeline(PROJECT, pipelineId, {
      initialDelayMs: 200,
      onPoll: (p) => states.push(p.status),
    });
    finishedId = pipeline.id;
    return `${states.join(" → ")}; finished at ${pipeline.finished_at} after ${pipeline.duration} s (the mock answers its "success" example, pipeline ${pipeline.id})`;
  });

  let jobId = 0;
  await step("The pipeline's jobs", async () => {
    const jobs = await dol.listPipelineJobs(PROJECT, finishedId, {}, { maxPages: 1 }).toArray();
    jobId = jobs[0]?.id ?? 0;
    return jobs.map((job) => `job ${job.id} "${job.name}" (${job.stage}): ${job.status}`).join("\n");
  });

  await step("The job's log, streamed: first lines", async () => {
    const trace = await dol.getJobTrace(PROJECT, jobId);
    // Read only as much of the stream as the first lines need, then let go of the rest.
    const reader = trace.stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (text.split("\n").length <= 4) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
    return text.split("\n").slice(0, 4).join("\n");
  });

  await step("The job's artifacts archive", async () => {
    const artifacts = await dol.downloadJobArtifacts(PROJECT, jobId);
    const bytes = await artifacts.bytes();
    return `${artifacts.filename}: ${bytes.byteLength} bytes, starts with ${[...bytes.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}`;
  });
}
