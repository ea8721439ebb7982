// The seed's flows: defaultVersionId (step 1) and createSource (step 4), with the exact requests they send.
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import {
  ConfigurationError,
  DataclientsError,
  generatedMethods,
  ObjectStatusValues,
  SourceTypeValues,
  type Workspace,
} from "../../src/index.js";
import { fakeClient, fakeDatagalaxy, json, VERSION_ID } from "./fake-datagalaxy.js";

const workspace = (over: Partial<Workspace> = {}): Workspace => ({
  defaultVersionName: "v1",
  defaultVersionId: VERSION_ID,
  isVersioningEnabled: false,
  description: null,
  canCreateEntities: true,
  id: "9a7e4c2b-1f3d-4e8a-b6c5-2d0f8e1a7b93",
  name: "My Workspace",
  parentId: null,
  ...over,
});

function workspaces(...projects: Workspace[]) {
  return fakeDatagalaxy(() => json({ organizations: [], projects }));
}

describe("defaultVersionId", () => {
  it("is the only workspace's defaultVersionId, from GET /workspaces, even with versioning enabled", async () => {
    const fake = workspaces(workspace({ isVersioningEnabled: true }));
    expect(await fakeClient(fake.fetch).defaultVersionId()).toBe(VERSION_ID);
    expect(fake.requests.map((r) => `${r.method} ${r.path}${r.url.search}`)).toEqual(["GET /workspaces"]);
  });

  it("picks the workspace by id when there are several", async () => {
    const other = workspace({ id: "w-2", name: "Other", defaultVersionId: "v-2" });
    const fake = workspaces(workspace(), other);
    expect(await fakeClient(fake.fetch).defaultVersionId("w-2")).toBe("v-2");
  });

  it("several workspaces and no id: a ConfigurationError listing them and naming listVersions", async () => {
    const fake = workspaces(workspace(), workspace({ id: "w-2", name: "Other" }));
    const error = await rejection(fakeClient(fake.fetch).defaultVersionId());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      'DataGalaxy: defaultVersionId(): this token can access 2 workspaces ("My Workspace" (9a7e4c2b-1f3d-4e8a-b6c5-2d0f8e1a7b93), "Other" (w-2)); say which: defaultVersionId("<workspace id>"), or choose a version with listVersions("<workspace id>")',
    );
  });

  it("a workspace without a default version: an error naming listVersions(workspaceId)", async () => {
    const fake = workspaces(workspace({ defaultVersionId: null, isVersioningEnabled: true }));
    const error = await rejection(fakeClient(fake.fetch).defaultVersionId());
    expect(error).toBeInstanceOf(DataclientsError);
    expect(error.message).toBe(
      'DataGalaxy: workspace "My Workspace" (9a7e4c2b-1f3d-4e8a-b6c5-2d0f8e1a7b93) has no default version; choose one with listVersions("9a7e4c2b-1f3d-4e8a-b6c5-2d0f8e1a7b93") and pass its versionId',
    );
  });

  it("an unknown workspace id, or no workspace at all, says so", async () => {
    const unknown = await rejection(fakeClient(workspaces(workspace()).fetch).defaultVersionId("nope"));
    expect(unknown).toBeInstanceOf(ConfigurationError);
    expect(unknown.message).toContain('defaultVersionId("nope"): no workspace with that id among the 1');
    const none = await rejection(fakeClient(workspaces().fetch).defaultVersionId());
    expect(none.message).toContain("this token can access no workspace");
  });

  it("an answer without the projects list is a clear error, not a TypeError", async () => {
    const fake = fakeDatagalaxy(() => json({ id: 1, name: "not the workspaces" }));
    const error = await rejection(fakeClient(fake.fetch).defaultVersionId());
    expect(error).toBeInstanceOf(DataclientsError);
    expect(error.message).toBe(
      "DataGalaxy: GET /workspaces answered without the `projects` list of workspaces; check that `baseUrl` is the API base URL (ending in /v2)",
    );
  });

  it("refuses an empty workspace id before any request", async () => {
    const fake = workspaces(workspace());
    const error = await rejection(fakeClient(fake.fetch).defaultVersionId(""));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("`workspaceId` must be a non-empty string");
    expect(fake.requests).toHaveLength(0);
  });

  it("listVersions(workspaceId) pages the workspace's versions", async () => {
    const fake = fakeDatagalaxy(() =>
      json({ pages: 1, total: 1, total_sum: 1, next_page: null, results: [{ versionId: "v-1", versionName: "v1" }] }),
    );
    expect(await fakeClient(fake.fetch).listVersions("w-1", { limit: 50 }).toArray()).toEqual([
      { versionId: "v-1", versionName: "v1" },
    ]);
    expect(fake.requests.map((r) => `${r.path}${r.url.search}`)).toEqual(["/workspaces/w-1/versions?limit=50"]);
  });
});

describe("createSource", () => {
  const created = { id: "6c1d2e3f", location: `sources/${VERSION_ID}/6c1d2e3f` };

  it("POSTs the seed's JSON to /sources/{versionId} and returns { id, location }", async () => {
    const fake = fakeDatagalaxy(() => json(created, { status: 201 }));
    const input = {
      name: "My NoSQL source",
      type: "NoSql",
      tags: ["GDPR"],
      owners: ["john.doe@example.com"],
      stewards: ["jane.doe@example.com"],
    } as const;
    expect(
      await fakeClient(fake.fetch).createSource(VERSION_ID, {
        ...input,
        tags: [...input.tags],
        owners: [...input.owners],
        stewards: [...input.stewards],
      }),
    ).toEqual(created);
    const [sent] = fake.requests;
    expect(`${sent?.method} ${sent?.path}`).toBe(`POST /sources/${VERSION_ID}`);
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent?.body ?? "")).toEqual(input);
  });

  it("accepts every documented type and status", async () => {
    const fake = fakeDatagalaxy(() => json(created, { status: 201 }));
    const client = fakeClient(fake.fetch, { maxRequestsPerSecond: 0 });
    for (const type of SourceTypeValues) {
      for (const status of ObjectStatusValues) await client.createSource(VERSION_ID, { name: "s", type, status });
    }
    expect(fake.requests).toHaveLength(SourceTypeValues.length * ObjectStatusValues.length);
    expect(SourceTypeValues).toEqual(["Relational", "NonRelational", "NoSql", "TagBase"]);
    expect(ObjectStatusValues).toEqual(["Proposed", "InRevision", "Validated", "InValidation", "Obsolete"]);
  });

  it("refuses what DataGalaxy would refuse, naming the field, before any request", async () => {
    const fake = fakeDatagalaxy(() => json(created, { status: 201 }));
    const client = fakeClient(fake.fetch);
    const cases: Array<[unknown, string]> = [
      [undefined, "createSource() takes the source as an object { name, type, … }; got undefined"],
      [{ type: "NoSql" }, "`name` is required, a non-empty string; got undefined"],
      [{ name: " ", type: "NoSql" }, '`name` is required, a non-empty string; got " "'],
      [{ name: "s" }, '`type` is required, one of "Relational", "NonRelational", "NoSql", "TagBase"; got undefined'],
      [
        { name: "s", type: "nosql" },
        '`type` is required, one of "Relational", "NonRelational", "NoSql", "TagBase"; got "nosql"',
      ],
      [
        { name: "s", type: "NoSql", status: "Draft" },
        '`status` must be one of "Proposed", "InRevision", "Validated", "InValidation", "Obsolete"; got "Draft"',
      ],
      [{ name: "s", type: "NoSql", tags: "GDPR" }, '`tags` must be a list of strings; got "GDPR"'],
      [{ name: "s", type: "NoSql", owners: [1] }, "`owners` must be a list of strings; got an array of 1"],
      [{ name: "s", type: "NoSql", upsert: "yes" }, '`upsert` must be true or false; got "yes"'],
      [{ name: "s", type: "NoSql", summary: 3 }, "`summary` must be a string; got 3"],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(client.createSource(VERSION_ID, input as never));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain(`DataGalaxy: createSource()`);
      expect(error.message).toContain(message);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("replaces the generated createSource, which stays reachable (and unchecked) through generatedMethods", async () => {
    const fake = fakeDatagalaxy(() => json(created, { status: 201 }));
    const client = fakeClient(fake.fetch);
    const generated = generatedMethods(client);
    expect(generated.createSource).not.toBe(client.createSource);
    expect(await generated.createSource?.(VERSION_ID, { name: "s", type: "Graph" })).toEqual(created);
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual({ name: "s", type: "Graph" });
  });
});
