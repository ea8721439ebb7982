import { describe, expectTypeOf, it } from "vitest";
import {
  createDataopsLiveClient,
  type Download,
  type Job,
  type ListItem,
  type ListPath,
  type Namespace,
  type PageIterator,
  type Pipeline,
  type PipelineStatus,
  type Project,
  type ProjectVariable,
  privateToken,
  type Trigger,
} from "../../src/index.js";

const dol = createDataopsLiveClient({ auth: privateToken("glpat-x") });

describe("paginate", () => {
  it("yields the list's element type, by path", () => {
    expectTypeOf(dol.paginate("/projects")).toEqualTypeOf<PageIterator<Project>>();
    expectTypeOf(dol.paginate("/namespaces", { params: { query: { per_page: 50 } }, maxPages: 2 })).toEqualTypeOf<
      PageIterator<Namespace>
    >();
    expectTypeOf(
      dol.paginate("/projects/{id}/pipelines/{pipeline_id}/jobs", {
        params: { path: { id: "g/p", pipeline_id: 287 }, query: { "scope[]": ["failed"] } },
      }),
    ).toEqualTypeOf<PageIterator<Job>>();
    expectTypeOf<ListItem<"/projects/{id}/variables">>().toEqualTypeOf<ProjectVariable>();
  });

  it("knows which paths are lists", () => {
    expectTypeOf<"/projects">().toExtend<ListPath>();
    expectTypeOf<"/projects/{id}/triggers">().toExtend<ListPath>();
    expectTypeOf<"/projects/{id}">().not.toExtend<ListPath>();
    expectTypeOf<"/projects/{id}/jobs/{job_id}/trace">().not.toExtend<ListPath>();
    // @ts-expect-error a single project is not a list
    dol.paginate("/projects/{id}", { params: { path: { id: 1 } } });
  });

  it("requires the path parameters of the path, and checks the query", () => {
    // @ts-expect-error /projects/{id}/pipelines needs params.path.id
    dol.paginate("/projects/{id}/pipelines");
    // @ts-expect-error unknown query parameter
    dol.paginate("/projects", { params: { query: { perPage: 20 } } });
    // @ts-expect-error status is an enum
    dol.listPipelines(1, { status: "done" });
  });

  it("list helpers are page iterators of named types", async () => {
    expectTypeOf(dol.listProjects()).toEqualTypeOf<PageIterator<Project>>();
    expectTypeOf(dol.listPipelines("g/p")).toEqualTypeOf<PageIterator<Pipeline>>();
    expectTypeOf(dol.listJobs(1)).toEqualTypeOf<PageIterator<Job>>();
    expectTypeOf(dol.listTriggers(1)).toEqualTypeOf<PageIterator<Trigger>>();
    expectTypeOf(await dol.listNamespaces().toArray()).toEqualTypeOf<Namespace[]>();
  });
});

describe("helpers", () => {
  it("take ids as number or path, and return named types", () => {
    expectTypeOf(dol.getProject(21816)).resolves.toEqualTypeOf<Project>();
    expectTypeOf(dol.getProject("my-group/my-project")).resolves.toEqualTypeOf<Project>();
    // @ts-expect-error ids are numbers or paths
    dol.getProject(true);
    // @ts-expect-error pipeline ids are numbers
    dol.getPipeline(1, "287");
    expectTypeOf(dol.waitForPipeline(1, 287)).resolves.toEqualTypeOf<Pipeline>();
    expectTypeOf<Pipeline["status"]>().toEqualTypeOf<PipelineStatus>();
  });

  it("types JSON and form bodies", () => {
    dol.createProject({ name: "x", topics: ["etl"] });
    dol.createProject({ name: "x", "permissions[project_access]": "null" }, { format: "multipart" });
    // @ts-expect-error the bracketed form key is not a JSON field
    dol.createProject({ name: "x", "permissions[project_access]": "null" });
    // @ts-expect-error unknown format
    dol.createProject({ name: "x" }, { format: "xml" });
  });

  it("types the trigger input", () => {
    dol.triggerPipeline(1, { token: "t", ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } });
    // @ts-expect-error variables are strings
    dol.triggerPipeline(1, { token: "t", ref: "main", variables: { RETRIES: 3 } });
    // @ts-expect-error the trigger token is required
    dol.triggerPipeline(1, { ref: "main" });
  });

  it("downloads are streams with text conveniences", () => {
    expectTypeOf(dol.getJobTrace(1, 8)).resolves.toEqualTypeOf<Download>();
    expectTypeOf(dol.getJobTraceText(1, 8)).resolves.toEqualTypeOf<string>();
    expectTypeOf<Download["stream"]>().toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf<ReturnType<Download["bytes"]>>().toEqualTypeOf<Promise<Uint8Array>>();
  });

  it("keeps the raw client typed for every path", async () => {
    const { data } = await dol.api.GET("/projects/{id}/pipelines/{pipeline_id}", {
      params: { path: { id: 1, pipeline_id: 2 } },
    });
    expectTypeOf(data).toEqualTypeOf<Pipeline | undefined>();
    // @ts-expect-error unknown path
    dol.api.GET("/projects/{id}/nope");
  });

  it("rejects wrong options at compile time", () => {
    // @ts-expect-error auth is a strategy, not a string
    createDataopsLiveClient({ auth: "glpat-x" });
    // @ts-expect-error timeout is a number of milliseconds
    createDataopsLiveClient({ timeout: "60s" });
  });
});
