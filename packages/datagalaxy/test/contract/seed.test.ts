// The guide's workflow ("Creating a source object") through the client against the mock: workspaces → the
// default version id, users of that version, tags, then the source with the tag, owner and steward found.
import { describe, expect, it } from "vitest";
import { ConfigurationError, RATE_LIMIT_HINT, RateLimitError } from "../../src/index.js";
import { mockClient, recordingFetch, VERSION_ID } from "./support.js";

describe("the seed's four steps", () => {
  it("GET /workspaces → GET /users/{versionId}?module=catalog → GET /tags → POST /sources/{versionId}", async () => {
    const recorder = recordingFetch();
    const dg = mockClient({ fetch: recorder.fetch });
    const version = await dg.defaultVersionId();
    expect(version).toBe(VERSION_ID);
    const users = await dg.listUsers(version, { module: "catalog" }, { maxPages: 1 }).toArray();
    const owner = users.find((user) => user.licenseLevel === "Admin")?.email;
    const steward = users.find((user) => user.licenseLevel === "Steward")?.email;
    expect([owner, steward]).toEqual(["john.doe@example.com", "jane.doe@example.com"]);
    const tags = await dg.listTags({}, { maxPages: 1 }).toArray();
    expect(tags.map((tag) => tag.name)).toEqual(["GDPR", "CRM", "Marketing"]);
    const created = await dg.createSource(version, {
      name: "My NoSQL source",
      type: "NoSql",
      tags: ["GDPR"],
      owners: [owner as string],
      stewards: [steward as string],
    });
    expect(created).toEqual({
      id: "6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
      location: `sources/${VERSION_ID}/6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e`,
    });
    expect(recorder.sent.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      "GET /v2/workspaces",
      `GET /v2/users/${VERSION_ID}?module=catalog`,
      "GET /v2/tags",
      `POST /v2/sources/${VERSION_ID}`,
    ]);
  });

  it("an unknown type never reaches the mock (which would answer 422)", async () => {
    const recorder = recordingFetch();
    const error = await mockClient({ fetch: recorder.fetch })
      .createSource(VERSION_ID, { name: "x", type: "Graph" as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(recorder.sent).toHaveLength(0);
  });

  it("a 429 from the mock is a RateLimitError with the 15-minute hint, sent once", async () => {
    const recorder = recordingFetch();
    const error = await mockClient({ fetch: recorder.fetch, maxRetries: 2 })
      .listWorkspaces({ headers: { Prefer: "code=429" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toContain(RATE_LIMIT_HINT);
    expect((error as RateLimitError).body).toEqual({
      error: "Too many requests, your IP address is blocked for 15 minutes",
    });
    expect(recorder.sent).toHaveLength(1);
  });
});
