// An existing GitLab client pointed at the mock the way a user would (only the host changes): its common calls
// must work, which checks the spec and the mock against real-world client behaviour, not only ours. Its `.all()`
// walks every page the mock's paging step announces (3 pages of the example). gitbeaker sends the trigger
// token and ref as query parameters with the variables as form fields; the spec first required both in the
// body, and this test is what showed it.
import { Gitlab } from "@gitbeaker/rest";
import { describe, expect, it } from "vitest";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { ACCESS_TOKEN, TRIGGER_TOKEN } from "./support.js";

const host = () => new URL(mockUrl("dataops-live")).origin;
const gitlab = () => new Gitlab({ host: host(), token: ACCESS_TOKEN });

describe("@gitbeaker/rest against the DataOps.live mock", () => {
  it("Projects.all walks the three offset pages", async () => {
    const { data, paginationInfo } = await gitlab().Projects.all({ perPage: 20, showExpanded: true });
    expect(data.map((p) => p.id)).toEqual([21816, 21816, 21816]);
    expect(paginationInfo).toEqual({ total: 45, next: null, current: 3, previous: 2, perPage: 20, totalPages: 3 });
  });

  it("Projects.all with keyset pagination follows the Link header", async () => {
    const { data, paginationInfo } = await gitlab().Projects.all({
      pagination: "keyset",
      orderBy: "id",
      sort: "asc",
      perPage: 2,
      showExpanded: true,
    });
    expect(data).toHaveLength(3);
    expect(paginationInfo).toMatchObject({ idAfter: 2000, perPage: 2 });
  });

  it("Projects.show by id and by path, Projects.create", async () => {
    const api = gitlab();
    await expect(api.Projects.show(21816)).resolves.toMatchObject({ id: 21816, default_branch: "main" });
    await expect(api.Projects.show("example-group-name/example-project-name")).resolves.toMatchObject({
      path_with_namespace: "example-group-name/example-project-name",
    });
    await expect(
      api.Projects.create({ name: "<example-name>", description: "<example-description>" }),
    ).resolves.toMatchObject({ id: 21816 });
  });

  it("Namespaces.all and Groups.all", async () => {
    const api = gitlab();
    const namespaces = await api.Namespaces.all();
    expect(namespaces.map((n) => n.kind)).toEqual(["group", "user", "group", "user", "group", "user"]);
    const groups = await api.Groups.all();
    expect(groups.map((g) => g.id)).toEqual([320941, 320941, 320941]);
  });

  it("Pipelines.all / show / create", async () => {
    const api = gitlab();
    const pipelines = await api.Pipelines.all(21816);
    expect(pipelines.map((p) => p.status)).toEqual(["running", "success", "running", "success", "running", "success"]);
    await expect(api.Pipelines.show(21816, 287)).resolves.toMatchObject({ id: 287, status: "success" });
    await expect(
      api.Pipelines.create(21816, "main", { variables: [{ key: "_PIPELINE_FILE_NAME", value: "full-ci.yml" }] }),
    ).resolves.toMatchObject({ id: 289, status: "created" });
  });

  it("Jobs.all / show / showLog", async () => {
    const api = gitlab();
    const jobs = await api.Jobs.all(21816);
    expect(jobs.map((j) => j.name)).toEqual(["Transform all", "Transform all", "Transform all"]);
    await expect(api.Jobs.show(21816, 8)).resolves.toMatchObject({ id: 8, status: "success" });
    const log = await api.Jobs.showLog(21816, 8);
    expect(String(log)).toContain("Job succeeded");
  });

  it("PipelineTriggerTokens.all and trigger (token and ref in the query, variables as form fields)", async () => {
    const api = gitlab();
    const triggers = await api.PipelineTriggerTokens.all(21816);
    expect(triggers.map((t) => t.id)).toEqual([10, 10, 10]);
    const pipeline = await new Gitlab({ host: host() }).PipelineTriggerTokens.trigger(21816, "main", TRIGGER_TOKEN, {
      variables: { _PIPELINE_FILE_NAME: "full-ci.yml" },
    });
    expect(pipeline).toMatchObject({ id: 290, status: "pending", source: "trigger" });
  });

  it("ProjectVariables.all and PipelineSchedules.all", async () => {
    const api = gitlab();
    const variables = await api.ProjectVariables.all(21816);
    expect(variables.map((v) => v.key)).toEqual(Array(3).fill(["TEST_VARIABLE_1", "TEST_VARIABLE_2"]).flat());
    const schedules = await api.PipelineSchedules.all(21816);
    expect(schedules.map((s) => s.cron)).toEqual(["0 1 * * *", "0 1 * * *", "0 1 * * *"]);
  });

  it("no token where one is required: gitbeaker's error carries GitLab's 401", async () => {
    const error = await new Gitlab({ host: host() }).Namespaces.all().catch((e: unknown) => e);
    expect((error as Error).message).toBe("401 Unauthorized");
    expect((error as { cause?: { response?: Response } }).cause?.response?.status).toBe(401);
  });
});
