import { describe, expectTypeOf, it } from "vitest";
import {
  bearer,
  type CreatedObject,
  createDatagalaxyClient,
  type Entity,
  type ListItem,
  type ListPath,
  type PageIterator,
  type SourceCreate,
  type Tag,
  type User,
  type Version,
} from "../../src/index.js";

const dg = createDatagalaxyClient({ auth: bearer("a personal access token") });
const versionId = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c34";

describe("createSource", () => {
  it("takes name and type (required) and the documented enums, and returns { id, location }", () => {
    expectTypeOf(
      dg.createSource(versionId, { name: "My NoSQL source", type: "NoSql", tags: ["GDPR"] }),
    ).resolves.toEqualTypeOf<CreatedObject>();
    dg.createSource(versionId, {
      name: "s",
      type: "Relational",
      status: "InValidation",
      upsert: true,
      technicalName: "S",
    });
    expectTypeOf<SourceCreate["type"]>().toEqualTypeOf<"Relational" | "NonRelational" | "NoSql" | "TagBase">();
  });

  it("does not compile with an invalid type or status, or without name or type", () => {
    // @ts-expect-error "Graph" is not a source type
    dg.createSource(versionId, { name: "s", type: "Graph" });
    // @ts-expect-error types are case-sensitive
    dg.createSource(versionId, { name: "s", type: "nosql" });
    // @ts-expect-error "Draft" is not a status
    dg.createSource(versionId, { name: "s", type: "NoSql", status: "Draft" });
    // @ts-expect-error type is required
    dg.createSource(versionId, { name: "s" });
    // @ts-expect-error name is required
    dg.createSource(versionId, { type: "NoSql" });
    // @ts-expect-error tags are a list
    dg.createSource(versionId, { name: "s", type: "NoSql", tags: "GDPR" });
  });
});

describe("the flows", () => {
  it("defaultVersionId takes an optional workspace id and resolves to the version id", () => {
    expectTypeOf(dg.defaultVersionId()).resolves.toEqualTypeOf<string>();
    expectTypeOf(dg.defaultVersionId("9a7e4c2b", { timeout: 5_000 })).resolves.toEqualTypeOf<string>();
    // @ts-expect-error workspace ids are strings
    dg.defaultVersionId(1);
  });
});

describe("paging", () => {
  it("list helpers are page iterators of the envelope's results", () => {
    expectTypeOf(dg.listUsers(versionId, { module: "catalog" })).toEqualTypeOf<PageIterator<User>>();
    expectTypeOf(dg.listTags()).toEqualTypeOf<PageIterator<Tag>>();
    expectTypeOf(dg.listVersions("9a7e4c2b")).toEqualTypeOf<PageIterator<Version>>();
    expectTypeOf(dg.listSources({ versionId })).toEqualTypeOf<PageIterator<Entity>>();
    // @ts-expect-error versionId is required
    dg.listSources({ limit: 10 });
  });

  it("paginate(path) is typed by path, with the envelope's results as items", () => {
    expectTypeOf(dg.paginate("/sources", { params: { query: { versionId } } })).toEqualTypeOf<PageIterator<Entity>>();
    expectTypeOf(dg.paginate("/users/{versionId}", { params: { path: { versionId } } })).toEqualTypeOf<
      PageIterator<User>
    >();
    expectTypeOf(dg.paginate("/tags")).toEqualTypeOf<PageIterator<Tag>>();
    expectTypeOf<ListItem<"/workspaces/{workspaceId}/versions">>().toEqualTypeOf<Version>();
    expectTypeOf<"/workspaces">().not.toExtend<ListPath>();
    // @ts-expect-error /users/{versionId} needs params.path.versionId
    dg.paginate("/users/{versionId}");
    // @ts-expect-error GET /workspaces is not a paged list
    dg.paginate("/workspaces");
  });
});

describe("options", () => {
  it("baseUrl is optional (a personal access token carries it); maxRequestsPerSecond is a number", () => {
    createDatagalaxyClient({
      baseUrl: "https://acme.api.datagalaxy.com/v2",
      auth: bearer("t"),
      maxRequestsPerSecond: 0,
    });
    // @ts-expect-error maxRequestsPerSecond is a number
    createDatagalaxyClient({ auth: bearer("t"), maxRequestsPerSecond: "8" });
    // @ts-expect-error not an operation of the spec
    dg.noSuchOperation();
  });
});
