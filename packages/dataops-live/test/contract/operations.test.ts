// Every operation of the spec, through the client's helpers (the raw typed client where there is none), against
// the Prism mock: the documented success with its example's values, then every documented error status, picked
// with `Prefer: code=…`, as the typed error class with GitLab's body.
import type { RequestOptions } from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { documentedOperations } from "../../../../scripts/lib/operation-coverage.js";
import { loadRegistry, repoRoot } from "../../../../scripts/lib/registry.js";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type DataopsLiveClient,
  NotFoundError,
  type OperationId,
  PermissionDeniedError,
  RateLimitError,
  unwrap,
} from "../../src/index.js";
import { mockClient, prefer, TRIGGER_TOKEN } from "./support.js";

type Call = (client: DataopsLiveClient, options: RequestOptions) => Promise<unknown>;
interface Case {
  call: Call;
  /** Asserts on the documented success answer (the spec's first example). */
  ok: (result: unknown) => void;
}

const first = { maxPages: 1 };
const P = 21816;
const seedProject = { name: "<example-name>", description: "<example-description>" };
const asArray = (value: unknown) => value as Array<Record<string, unknown>>;
const asRecord = (value: unknown) => value as Record<string, unknown>;

const cases: Record<OperationId, Case> = {
  // Groups and namespaces
  listGroups: {
    call: (c, o) => c.listGroups({ top_level_only: true }, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r)[0]).toMatchObject({ id: 320941, full_path: "example-group-name" }),
  },
  getGroup: {
    call: (c, o) => c.getGroup("example-group-name", { with_projects: false }, o),
    ok: (r) => expect(r).toMatchObject({ id: 320941, visibility: "private", projects: [] }),
  },
  listGroupProjects: {
    call: (c, o) => c.listGroupProjects(320941, { include_subgroups: true }, { ...o, ...first }).toArray(),
    ok: (r) =>
      expect(asArray(r)[0]).toMatchObject({ id: P, path_with_namespace: "example-group-name/example-project-name" }),
  },
  listNamespaces: {
    call: (c, o) => c.listNamespaces({ per_page: 30, page: 1 }, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r).map((n) => n.kind)).toEqual(["group", "user"]),
  },
  getNamespace: {
    call: (c, o) => c.getNamespace(320941, o),
    ok: (r) => expect(r).toMatchObject({ id: 320941, kind: "group", projects_count: 3 }),
  },
  // Projects
  listProjects: {
    call: (c, o) => c.listProjects({ membership: true, order_by: "id" }, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r)[0]).toMatchObject({ id: P, name: "Example project name", default_branch: "main" }),
  },
  createProject: {
    call: (c, o) => c.createProject(seedProject, o),
    ok: (r) => expect(r).toMatchObject({ id: P, namespace: { id: 320941 } }),
  },
  getProject: {
    call: (c, o) => c.getProject("example-group-name/example-project-name", { statistics: false }, o),
    ok: (r) => expect(r).toMatchObject({ id: P, ci_config_path: "full-ci.yml" }),
  },
  updateProject: {
    call: (c, o) => c.updateProject(P, { description: "Example project description", default_branch: "main" }, o),
    ok: (r) => expect(r).toMatchObject({ id: P, description: "Example project description" }),
  },
  deleteProject: {
    call: (c, o) => c.deleteProject(P, o),
    ok: (r) => expect(r).toEqual({ message: "202 Accepted" }),
  },
  // Pipelines
  listPipelines: {
    call: (c, o) => c.listPipelines(P, { ref: "main", source: "trigger" }, { ...o, ...first }).toArray(),
    ok: (r) =>
      expect(asArray(r).map((p) => [p.id, p.status])).toEqual([
        [288, "running"],
        [287, "success"],
      ]),
  },
  createPipeline: {
    call: (c, o) => c.createPipeline(P, { ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } }, o),
    ok: (r) => expect(r).toMatchObject({ id: 289, status: "created", source: "api" }),
  },
  getPipeline: {
    call: (c, o) => c.getPipeline(P, 287, o),
    ok: (r) => expect(r).toMatchObject({ id: 287, status: "success", duration: 34 }),
  },
  deletePipeline: { call: (c, o) => c.deletePipeline(P, 287, o), ok: (r) => expect(r).toBeUndefined() },
  cancelPipeline: {
    call: (c, o) => c.cancelPipeline(P, 288, o),
    ok: (r) => expect(r).toMatchObject({ id: 288, status: "canceled" }),
  },
  retryPipeline: {
    call: (c, o) => c.retryPipeline(P, 286, o),
    ok: (r) => expect(r).toMatchObject({ id: 286, status: "pending" }),
  },
  listPipelineVariables: {
    call: (c, o) => c.listPipelineVariables(P, 287, undefined, { ...o, ...first }).toArray(),
    ok: (r) =>
      expect(asArray(r)[0]).toEqual({ key: "_PIPELINE_FILE_NAME", variable_type: "env_var", value: "full-ci.yml" }),
  },
  // Jobs
  listPipelineJobs: {
    call: (c, o) => c.listPipelineJobs(P, 287, { "scope[]": ["success", "failed"] }, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r)[0]).toMatchObject({ id: 8, name: "Transform all", pipeline: { id: 287 } }),
  },
  listProjectJobs: {
    call: (c, o) => c.listJobs(P, { "scope[]": ["success"] }, { ...o, ...first }).toArray(),
    ok: (r) =>
      expect(asArray(r)[0]).toMatchObject({ id: 8, status: "success", artifacts_file: { filename: "artifacts.zip" } }),
  },
  getJob: {
    call: (c, o) => c.getJob(P, 8, o),
    ok: (r) => expect(r).toMatchObject({ id: 8, status: "success", runner: { description: "dataops-runner-01" } }),
  },
  getJobTrace: {
    call: (c, o) => c.getJobTraceText(P, 8, o),
    ok: (r) => expect(String(r).trim().split("\n").at(-1)).toBe("Job succeeded"),
  },
  cancelJob: {
    call: (c, o) => c.cancelJob(P, 1, { force: false }, o),
    ok: (r) => expect(r).toMatchObject({ id: 1, status: "canceled" }),
  },
  retryJob: { call: (c, o) => c.retryJob(P, 7, o), ok: (r) => expect(r).toMatchObject({ id: 9, status: "pending" }) },
  playJob: {
    call: (c, o) => c.playJob(P, 9, { job_variables_attributes: [{ key: "TEST_VAR_1", value: "test1" }] }, o),
    ok: (r) => expect(r).toMatchObject({ id: 9, status: "pending" }),
  },
  eraseJob: {
    call: (c, o) => c.eraseJob(P, 7, o),
    ok: (r) => expect(r).toMatchObject({ id: 7, erased_at: "2024-05-20T12:15:10.506Z" }),
  },
  downloadJobArtifacts: {
    call: async (c, o) => {
      const download = await c.downloadJobArtifacts(P, 8, undefined, o);
      return { filename: download.filename, text: await download.text() };
    },
    ok: (r) => expect(r).toEqual({ filename: "artifacts.zip", text: "PK\x03\x04 (zip archive bytes: artifacts.zip)" }),
  },
  getJobArtifactFile: {
    call: async (c, o) => (await c.downloadArtifactFile(P, 8, "target/run_results.json", o)).text(),
    ok: (r) => expect(JSON.parse(String(r))).toMatchObject({ results: [] }),
  },
  downloadArtifactsByRef: {
    call: async (c, o) => (await c.downloadArtifactsByRef(P, "main", { job: "Transform all" }, o)).bytes(),
    ok: (r) => expect([...(r as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]),
  },
  // Triggers
  listTriggers: {
    call: (c, o) => c.listTriggers(P, undefined, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r)[0]).toMatchObject({ id: 10, description: "my trigger" }),
  },
  createTrigger: {
    call: (c, o) => c.createTrigger(P, { description: "my trigger" }, o),
    ok: (r) => expect(r).toMatchObject({ id: 10, token: TRIGGER_TOKEN }),
  },
  getTrigger: { call: (c, o) => c.getTrigger(P, 10, o), ok: (r) => expect(r).toMatchObject({ id: 10, owner: null }) },
  updateTrigger: {
    call: (c, o) => c.updateTrigger(P, 10, { description: "my trigger" }, o),
    ok: (r) => expect(r).toMatchObject({ id: 10, description: "my trigger" }),
  },
  deleteTrigger: { call: (c, o) => c.deleteTrigger(P, 10, o), ok: (r) => expect(r).toBeUndefined() },
  triggerPipeline: {
    call: (c, o) =>
      c.triggerPipeline(
        P,
        { token: TRIGGER_TOKEN, ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } },
        { ...o, format: "multipart" },
      ),
    ok: (r) => expect(r).toMatchObject({ id: 290, status: "pending", source: "trigger" }),
  },
  triggerPipelineForRef: {
    // The webhook form has no helper (triggerPipeline covers it); the raw typed client reaches it.
    call: async (c, o) =>
      unwrap(
        await c.api.POST("/projects/{id}/ref/{ref}/trigger/pipeline", {
          params: { path: { id: P, ref: "main" }, query: { token: TRIGGER_TOKEN } },
          body: { variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } },
          headers: o.headers,
        }),
      ),
    ok: (r) => expect(r).toMatchObject({ id: 290, ref: "main", source: "trigger" }),
  },
  // Project variables
  listProjectVariables: {
    call: (c, o) => c.listProjectVariables(P, undefined, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r).map((v) => v.key)).toEqual(["TEST_VARIABLE_1", "TEST_VARIABLE_2"]),
  },
  createProjectVariable: {
    call: (c, o) => c.createProjectVariable(P, { key: "NEW_VARIABLE", value: "new value" }, o),
    ok: (r) => expect(r).toMatchObject({ key: "NEW_VARIABLE", environment_scope: "*" }),
  },
  getProjectVariable: {
    call: (c, o) => c.getProjectVariable(P, "TEST_VARIABLE_1", { "filter[environment_scope]": "production" }, o),
    ok: (r) => expect(r).toMatchObject({ key: "TEST_VARIABLE_1", masked: true }),
  },
  updateProjectVariable: {
    call: (c, o) =>
      c.updateProjectVariable(P, "NEW_VARIABLE", { body: { value: "updated value", protected: true } }, o),
    ok: (r) => expect(r).toMatchObject({ value: "updated value", protected: true }),
  },
  deleteProjectVariable: {
    call: (c, o) => c.deleteProjectVariable(P, "NEW_VARIABLE", { "filter[environment_scope]": "*" }, o),
    ok: (r) => expect(r).toBeUndefined(),
  },
  // Pipeline schedules
  listPipelineSchedules: {
    call: (c, o) => c.listPipelineSchedules(P, { scope: "active" }, { ...o, ...first }).toArray(),
    ok: (r) => expect(asArray(r)[0]).toMatchObject({ id: 13, cron: "0 1 * * *" }),
  },
  createPipelineSchedule: {
    call: (c, o) =>
      c.createPipelineSchedule(
        P,
        { description: "Nightly full pipeline", ref: "main", cron: "0 1 * * *", cron_timezone: "UTC", active: true },
        o,
      ),
    ok: (r) => expect(r).toMatchObject({ id: 14, ref: "refs/heads/main" }),
  },
  getPipelineSchedule: {
    call: (c, o) => c.getPipelineSchedule(P, 13, o),
    ok: (r) =>
      expect(asRecord(r).variables).toEqual([
        { key: "_PIPELINE_FILE_NAME", variable_type: "env_var", value: "full-ci.yml", raw: false },
      ]),
  },
  updatePipelineSchedule: {
    call: (c, o) => c.updatePipelineSchedule(P, 13, { cron: "0 2 * * *" }, o),
    ok: (r) => expect(r).toMatchObject({ id: 13, cron: "0 2 * * *" }),
  },
  deletePipelineSchedule: { call: (c, o) => c.deletePipelineSchedule(P, 13, o), ok: (r) => expect(r).toBeUndefined() },
  playPipelineSchedule: {
    call: (c, o) => c.playPipelineSchedule(P, 13, o),
    ok: (r) => expect(r).toEqual({ message: "201 Created" }),
  },
};

/** GitLab's error bodies, as the spec's shared responses give them. */
function expectedError(operationId: string, status: string): { ErrorClass: typeof ApiError; body: unknown } {
  switch (status) {
    case "400":
      return { ErrorClass: BadRequestError, body: { message: { name: ["can't be blank"] } } };
    case "401":
      return { ErrorClass: AuthenticationError, body: { message: "401 Unauthorized" } };
    case "403":
      return { ErrorClass: PermissionDeniedError, body: { message: "403 Forbidden" } };
    case "404":
      return { ErrorClass: NotFoundError, body: { message: "404 Project Not Found" } };
    case "405":
      return {
        ErrorClass: ApiError,
        body: { error: "Keyset pagination is not yet available for this type of request" },
      };
    case "409":
      return {
        ErrorClass: ConflictError,
        body:
          operationId === "eraseJob"
            ? { message: "409 Conflict" }
            : {
                message:
                  "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
              },
      };
    case "429":
      return {
        ErrorClass: RateLimitError,
        body: { message: { error: "This endpoint has been requested too many times. Try again later." } },
      };
    default:
      throw new Error(`no expectation for status ${status}`);
  }
}

const vendor = loadRegistry(repoRoot).find((v) => v.dir === "dataops-live");
if (!vendor) throw new Error("dataops-live is not in the registry");
const documented = documentedOperations(vendor, repoRoot);

describe("the table covers the spec", () => {
  it("has a case for every operation, and no other", () => {
    expect(Object.keys(cases).sort()).toEqual(documented.map((op) => op.operationId).sort());
  });
});

describe.each(documented)("$operationId ($method $path)", ({ operationId, statuses }) => {
  const { call, ok } = cases[operationId as OperationId];
  const success = statuses.find((s) => s.startsWith("2"));
  const errors = statuses.filter((s) => !s.startsWith("2"));

  it(`${success}: returns the documented answer`, async () => {
    ok(await call(mockClient(), {}));
  });

  it.each(errors)("%s: throws the typed error with GitLab's body", async (status) => {
    const error = await call(mockClient(), prefer(`code=${status}`)).catch((e: unknown) => e);
    const { ErrorClass, body } = expectedError(operationId, status);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).status).toBe(Number(status));
    expect((error as ApiError).body).toEqual(body);
    expect((error as ApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    if (status === "429") expect((error as RateLimitError).retryAfter).toBe(60);
  });
});
