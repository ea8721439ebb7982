import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  createDataopsLiveClient,
  type DataopsLiveClient,
  NotFoundError,
  privateToken,
} from "../../src/index.js";
import { fakeGitlab, json, pipeline } from "./fake-gitlab.js";

const TOKEN = "glpat-0123456789abcdefghij";
const TRIGGER_TOKEN = "glptt-6d056f63e50fe6f8c5f8f4aa10edb7";

describe("privateToken", () => {
  it("sends the token in the private-token header", async () => {
    const fake = fakeGitlab(() => json([]));
    const dol = createDataopsLiveClient({ auth: privateToken(TOKEN), fetch: fake.fetch });
    await dol.listNamespaces().toArray();
    expect(fake.requests[0]?.headers.get("private-token")).toBe(TOKEN);
    expect(fake.requests[0]?.headers.get("PRIVATE-TOKEN")).toBe(TOKEN);
    expect(fake.requests[0]?.headers.get("authorization")).toBeNull();
  });

  it("re-reads a token provider once after a 401", async () => {
    const tokens = ["expired", "fresh"];
    const fake = fakeGitlab((request) =>
      request.headers.get("private-token") === "fresh"
        ? json([])
        : json({ message: "401 Unauthorized" }, { status: 401 }),
    );
    const dol = createDataopsLiveClient({ auth: privateToken(() => tokens.shift() ?? "none"), fetch: fake.fetch });
    await expect(dol.listNamespaces().toArray()).resolves.toEqual([]);
    expect(fake.requests.map((r) => r.headers.get("private-token"))).toEqual(["expired", "fresh"]);
  });

  it("never shows the token when inspected or serialized", () => {
    const strategy = privateToken(TOKEN);
    expect(inspect(strategy)).not.toContain(TOKEN);
    expect(JSON.stringify({ strategy })).not.toContain(TOKEN);
  });

  it("rejects an empty token and a bare string as auth", () => {
    expect(() => privateToken("")).toThrow(ConfigurationError);
    expect(() => createDataopsLiveClient({ auth: TOKEN as never })).toThrow(
      "wrap the token: auth: privateToken(token)",
    );
  });
});

describe("without auth", () => {
  const fake = fakeGitlab(() => json({}));
  const dol = createDataopsLiveClient({ fetch: fake.fetch });

  // Every helper that needs an access token, called with valid arguments.
  const needsToken: Array<[string, (c: DataopsLiveClient) => unknown]> = [
    ["createProject", (c) => c.createProject({ name: "x" })],
    ["updateProject", (c) => c.updateProject(1, { description: "x" })],
    ["deleteProject", (c) => c.deleteProject(1)],
    ["listNamespaces", (c) => c.listNamespaces()],
    ["getNamespace", (c) => c.getNamespace(1)],
    ["createPipeline", (c) => c.createPipeline(1, { ref: "main" })],
    ["cancelPipeline", (c) => c.cancelPipeline(1, 2)],
    ["retryPipeline", (c) => c.retryPipeline(1, 2)],
    ["deletePipeline", (c) => c.deletePipeline(1, 2)],
    ["listPipelineVariables", (c) => c.listPipelineVariables(1, 2)],
    ["listJobs", (c) => c.listJobs(1)],
    ["getJob", (c) => c.getJob(1, 2)],
    ["getJobTrace", (c) => c.getJobTrace(1, 2)],
    ["getJobTraceText", (c) => c.getJobTraceText(1, 2)],
    ["cancelJob", (c) => c.cancelJob(1, 2)],
    ["retryJob", (c) => c.retryJob(1, 2)],
    ["playJob", (c) => c.playJob(1, 2)],
    ["eraseJob", (c) => c.eraseJob(1, 2)],
    ["listTriggers", (c) => c.listTriggers(1)],
    ["getTrigger", (c) => c.getTrigger(1, 2)],
    ["createTrigger", (c) => c.createTrigger(1, { description: "x" })],
    ["updateTrigger", (c) => c.updateTrigger(1, 2, { description: "x" })],
    ["deleteTrigger", (c) => c.deleteTrigger(1, 2)],
    ["listProjectVariables", (c) => c.listProjectVariables(1)],
    ["getProjectVariable", (c) => c.getProjectVariable(1, "K")],
    ["createProjectVariable", (c) => c.createProjectVariable(1, { key: "K", value: "v" })],
    ["updateProjectVariable", (c) => c.updateProjectVariable(1, "K", { body: { value: "v" } })],
    ["deleteProjectVariable", (c) => c.deleteProjectVariable(1, "K")],
    ["listPipelineSchedules", (c) => c.listPipelineSchedules(1)],
    ["getPipelineSchedule", (c) => c.getPipelineSchedule(1, 2)],
    [
      "createPipelineSchedule",
      (c) => c.createPipelineSchedule(1, { description: "d", ref: "main", cron: "0 1 * * *" }),
    ],
    ["updatePipelineSchedule", (c) => c.updatePipelineSchedule(1, 2, { cron: "0 2 * * *" })],
    ["deletePipelineSchedule", (c) => c.deletePipelineSchedule(1, 2)],
    ["playPipelineSchedule", (c) => c.playPipelineSchedule(1, 2)],
    ["paginate(/namespaces)", (c) => c.paginate("/namespaces")],
  ];

  it.each(needsToken)("%s fails before any request, saying how to pass a token", async (_name, call) => {
    const before = fake.requests.length;
    const error = await (async () => call(dol))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      /^DataOps\.live: .+ needs an access token; create the client with auth: privateToken\(/,
    );
    expect(fake.requests.length).toBe(before);
  });

  const tokenOptional: Array<[string, (c: DataopsLiveClient) => Promise<unknown>]> = [
    ["listProjects", (c) => c.listProjects().toArray()],
    ["getProject", (c) => c.getProject(1)],
    ["listGroups", (c) => c.listGroups().toArray()],
    ["getGroup", (c) => c.getGroup(1)],
    ["listGroupProjects", (c) => c.listGroupProjects(1).toArray()],
    ["listPipelines", (c) => c.listPipelines(1).toArray()],
    ["getPipeline", (c) => c.getPipeline(1, 2)],
    ["listPipelineJobs", (c) => c.listPipelineJobs(1, 2).toArray()],
    ["downloadJobArtifacts", (c) => c.downloadJobArtifacts(1, 2)],
    ["downloadArtifactFile", (c) => c.downloadArtifactFile(1, 2, "a.json")],
    ["downloadArtifactsByRef", (c) => c.downloadArtifactsByRef(1, "main", { job: "build" })],
  ];

  it.each(tokenOptional)("%s works anonymously (public projects)", async (_name, call) => {
    // Lists answer a list and single resources an object (a wrong-shaped answer is an InvalidResponseError).
    const anonymous = fakeGitlab((request) => json(/\/(projects|groups|pipelines|jobs)$/.test(request.path) ? [] : {}));
    await call(createDataopsLiveClient({ fetch: anonymous.fetch }));
    expect(anonymous.requests).toHaveLength(1);
    expect(anonymous.requests[0]?.headers.get("private-token")).toBeNull();
  });

  it("an anonymous call the server refuses surfaces as AuthenticationError with GitLab's body", async () => {
    const refusing = fakeGitlab(() => json({ message: "401 Unauthorized" }, { status: 401 }));
    const error = await createDataopsLiveClient({ fetch: refusing.fetch })
      .getProject(21816)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ message: "401 Unauthorized" });
    expect((error as Error).message).toBe(
      "GET https://app.dataops.live/api/v4/projects/21816 failed with 401: 401 Unauthorized",
    );
  });
});

describe("triggerPipeline (least privilege)", () => {
  it("sends the trigger token in the body and never the client's private token", async () => {
    const fake = fakeGitlab(() => json(pipeline("pending"), { status: 201 }));
    const dol = createDataopsLiveClient({ auth: privateToken(TOKEN), fetch: fake.fetch });
    const created = await dol.triggerPipeline(21816, {
      token: TRIGGER_TOKEN,
      ref: "main",
      variables: { _PIPELINE_FILE_NAME: "full-ci.yml" },
    });
    expect(created.status).toBe("pending");
    const [sent] = fake.requests;
    expect(sent?.headers.get("private-token")).toBeNull();
    expect(sent?.url.search).toBe("");
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      token: TRIGGER_TOKEN,
      ref: "main",
      variables: { _PIPELINE_FILE_NAME: "full-ci.yml" },
    });
  });

  it("keeps the trigger token out of errors", async () => {
    const fake = fakeGitlab(() => json({ message: "404 Not Found", token: TRIGGER_TOKEN }, { status: 404 }));
    const dol = createDataopsLiveClient({ fetch: fake.fetch, maxRetries: 0 });
    const error = await dol
      .triggerPipeline(21816, { token: TRIGGER_TOKEN, ref: "main" }, { format: "multipart" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(inspect(error)).not.toContain(TRIGGER_TOKEN);
    expect(JSON.stringify(error)).not.toContain(TRIGGER_TOKEN);
    expect((error as Error).message).not.toContain(TRIGGER_TOKEN);
  });

  it.each([
    [{ ref: "main" }, "needs `token`"],
    [{ token: "", ref: "main" }, "needs `token`"],
    [{ token: TRIGGER_TOKEN }, "`ref` must be a non-empty string"],
    [{ token: TRIGGER_TOKEN, ref: "main", variables: { A: 1 } }, 'trigger variable "A" needs a string value'],
    [{ token: TRIGGER_TOKEN, ref: "main", variables: ["A"] }, "trigger `variables` must be an object"],
  ])("rejects %o before any request, without echoing the token", async (input, message) => {
    const fake = fakeGitlab();
    const error = await createDataopsLiveClient({ fetch: fake.fetch })
      .triggerPipeline(1, input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain(TRIGGER_TOKEN);
    expect(fake.requests).toHaveLength(0);
  });
});
