// Every request of the DataOps.live "Using the REST API" page (specs' seed), through the package, against the mock.
import { describe, expect, it } from "vitest";
import { AuthenticationError, ConfigurationError, PollTimeoutError, readPageHeaders, unwrap } from "../../src/index.js";
import { ACCESS_TOKEN, anonymousClient, mockClient, prefer, recordingFetch, TRIGGER_TOKEN } from "./support.js";

const seedProject = { name: "<example-name>", description: "<example-description>" };

describe("the seed's requests", () => {
  it('curl ".../projects" without a token: public projects, "[]" when nothing is public', async () => {
    const recorder = recordingFetch();
    const dol = anonymousClient({ fetch: recorder.fetch });
    const projects = await dol.listProjects({}, { ...prefer("example=anonymous"), maxPages: 1 }).toArray();
    expect(projects).toEqual([]);
    expect(recorder.sent[0]?.headers.get("private-token")).toBeNull();
    expect(recorder.sent[0]?.url.pathname).toBe("/api/v4/projects");
  });

  it('a missing token where one is required: 401 {"message":"401 Unauthorized"}', async () => {
    const dol = anonymousClient();
    const raw = await dol.api.GET("/namespaces");
    expect(raw.response.status).toBe(401);
    expect(raw.error).toEqual({ message: "401 Unauthorized" });
    const error = (() => {
      try {
        unwrap(raw);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/v4\/namespaces failed with 401 Unauthorized: 401 Unauthorized$/,
    );
    // The helper says what to do before sending anything.
    expect(() => dol.listNamespaces()).toThrow(ConfigurationError);
  });

  it("an invalid token: AuthenticationError with GitLab's body", async () => {
    const error = await mockClient()
      .listProjects({}, prefer("code=401"))
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ message: "401 Unauthorized" });
    expect((error as Error).message).not.toContain(ACCESS_TOKEN);
  });

  it('curl --header "private-token: …" ".../projects"', async () => {
    const recorder = recordingFetch();
    const [project] = await mockClient({ fetch: recorder.fetch }).listProjects({}, { maxPages: 1 }).toArray();
    expect(project).toMatchObject({
      id: 21816,
      description: "Example project description",
      name: "Example project name",
    });
    expect(recorder.sent[0]?.headers.get("private-token")).toBe(ACCESS_TOKEN);
  });

  it('".../namespaces?per_page=30&page=1"', async () => {
    const recorder = recordingFetch();
    const dol = mockClient({ fetch: recorder.fetch });
    const pages = dol.listNamespaces({ per_page: 30, page: 1 }, { maxPages: 1 }).pages();
    for await (const page of pages) {
      expect(page.items[0]).toMatchObject({
        id: 320941,
        name: "Example group name",
        path: "example-group-name",
        kind: "group",
      });
      expect(readPageHeaders(page.response?.headers ?? new Headers())).toMatchObject({ page: 1, perPage: 30 });
    }
    expect(recorder.sent.map((r) => r.url.search)).toEqual(["?per_page=30&page=1"]);
  });

  it("POST /projects with a JSON payload", async () => {
    const recorder = recordingFetch();
    const project = await mockClient({ fetch: recorder.fetch }).createProject(seedProject);
    expect(project).toMatchObject({ id: 21816, path_with_namespace: "example-group-name/example-project-name" });
    expect(recorder.sent[0]?.headers.get("content-type")).toBe("application/json");
  });

  it('POST /projects with --form fields, "permissions[project_access]=null" included', async () => {
    const recorder = recordingFetch();
    const project = await mockClient({ fetch: recorder.fetch }).createProject(
      { ...seedProject, "permissions[project_access]": "null" },
      { format: "multipart" },
    );
    expect(project.id).toBe(21816);
    expect(recorder.sent[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("POST /projects with URL-encoded form fields (curl --data)", async () => {
    const recorder = recordingFetch();
    const project = await mockClient({ fetch: recorder.fetch }).createProject(
      { ...seedProject, "permissions[project_access]": "null" },
      { format: "urlencoded" },
    );
    expect(project.id).toBe(21816);
    expect(recorder.sent[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  });

  it("an invalid body is refused by the mock (so the passing calls above were valid)", async () => {
    const error = await mockClient()
      .createProjectVariable(21816, { key: "not a valid key!", value: "x" })
      .catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBeGreaterThanOrEqual(400);
  });
});

describe("pipelines (DataOps.live: trigger, list, get, schedules)", () => {
  it("triggers with a trigger token as form fields, variables[_PIPELINE_FILE_NAME]=full-ci.yml, no private token", async () => {
    const recorder = recordingFetch();
    const pipeline = await mockClient({ fetch: recorder.fetch }).triggerPipeline(
      21816,
      { token: TRIGGER_TOKEN, ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } },
      { format: "multipart" },
    );
    expect(pipeline).toMatchObject({ id: 290, status: "pending", source: "trigger", ref: "main" });
    expect(recorder.sent[0]?.url.pathname).toBe("/api/v4/projects/21816/trigger/pipeline");
    expect(recorder.sent[0]?.headers.get("private-token")).toBeNull();
  });

  it("triggers with JSON and URL-encoded bodies too, and without any access token configured", async () => {
    const input = { token: TRIGGER_TOKEN, ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } };
    await expect(anonymousClient().triggerPipeline(21816, input)).resolves.toMatchObject({ id: 290 });
    await expect(
      anonymousClient().triggerPipeline("example-group-name/example-project-name", input, { format: "urlencoded" }),
    ).resolves.toMatchObject({ id: 290 });
  });

  it("lists a project's pipelines by path id, and gets one", async () => {
    const recorder = recordingFetch();
    const dol = mockClient({ fetch: recorder.fetch });
    const pipelines = await dol.listPipelines("example-group-name/example-project-name", {}, { maxPages: 1 }).toArray();
    expect(pipelines.map((p) => p.id)).toEqual([288, 287]);
    expect(recorder.sent[0]?.url.pathname).toBe("/api/v4/projects/example-group-name%2Fexample-project-name/pipelines");
    await expect(dol.getPipeline(21816, 287)).resolves.toMatchObject({
      status: "success",
      finished_at: "2024-05-20T01:05:50.175Z",
    });
  });

  it("waitForPipeline returns the settled pipeline, and gives up on one that keeps running", async () => {
    const dol = mockClient();
    await expect(dol.waitForPipeline(21816, 287, { initialDelayMs: 1 })).resolves.toMatchObject({ status: "success" });
    const error = await dol
      .waitForPipeline(21816, 288, { ...prefer("example=running"), initialDelayMs: 20, waitTimeout: 200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError<{ status: string }>).lastValue.status).toBe("running");
  });

  it("creates a schedule with description, ref, cron, cron_timezone, active", async () => {
    const schedule = await mockClient().createPipelineSchedule(
      21816,
      { description: "Nightly full pipeline", ref: "main", cron: "0 1 * * *", cron_timezone: "UTC", active: true },
      { format: "multipart" },
    );
    expect(schedule).toMatchObject({ id: 14, cron_timezone: "UTC", active: true });
  });
});

describe("downloads against the mock", () => {
  it("the job trace as a stream and as text", async () => {
    const dol = mockClient();
    const download = await dol.getJobTrace(21816, 8);
    const reader = download.stream.getReader();
    const decoder = new TextDecoder();
    let streamed = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      streamed += decoder.decode(chunk.value, { stream: true });
    }
    expect(streamed.split("\n")[0]).toBe("Running with gitlab-runner 16.11.1 (535ced5f)");
    expect(await dol.getJobTraceText(21816, 8)).toBe(streamed);
  });

  it("artifacts as bytes with the archive's file name", async () => {
    const download = await mockClient().downloadJobArtifacts("example-group-name/example-project-name", 8);
    expect(download.filename).toBe("artifacts.zip");
    expect(download.contentType).toBe("application/octet-stream");
    const bytes = await download.bytes();
    expect(new TextDecoder().decode(bytes)).toBe("PK\x03\x04 (zip archive bytes: artifacts.zip)");
    expect(bytes.byteLength).toBe(download.size);
  });
});
