// createDataopsLiveApi: only the typed openapi-fetch client, with createDataopsLiveClient's option handling.
import { describe, expect, it } from "vitest";
import { expectRateHeld, expectSameOutcome, type Outcome } from "../../../../test/support/light-factory.js";
import { createDataopsLiveApi, createDataopsLiveClient, privateToken } from "../../src/index.js";
import { BASE_URL, fakeGitlab, json } from "./fake-gitlab.js";

const TOKEN = "glpat-0123456789abcdefghij";

describe("createDataopsLiveApi", () => {
  it("sends the access token in private-token and returns openapi-fetch's { data, response }", async () => {
    const fake = fakeGitlab(() => json({ id: 7, name: "analytics" }));
    const dol = createDataopsLiveApi({ auth: privateToken(TOKEN), fetch: fake.fetch });
    expect(Object.keys(dol).sort()).toEqual(["api", "baseUrl"]);
    const { data, response } = await dol.api.GET("/groups/{id}", { params: { path: { id: 7 } } });
    expect(data).toEqual({ id: 7, name: "analytics" });
    expect(response.status).toBe(200);
    expect(fake.requests[0]?.url.href).toBe(`${BASE_URL}/groups/7`);
    expect(fake.requests[0]?.headers.get("private-token")).toBe(TOKEN);
  });

  it("never throws for an HTTP error, like client.api", async () => {
    const fake = fakeGitlab(() => json({ message: "404 Group Not Found" }, { status: 404 }));
    const dol = createDataopsLiveApi({ fetch: fake.fetch, maxRetries: 0 });
    const { data, error, response } = await dol.api.GET("/groups/{id}", { params: { path: { id: 1 } } });
    expect([data, error, response.status]).toEqual([undefined, { message: "404 Group Not Found" }, 404]);
  });

  it.each<[string, unknown, Outcome]>([
    ["no options", undefined, { baseUrl: BASE_URL }],
    [
      "a trailing slash",
      { baseUrl: "https://gitlab.example.com/api/v4/" },
      { baseUrl: "https://gitlab.example.com/api/v4" },
    ],
    [
      "a bare token",
      { auth: TOKEN },
      { error: "DataOps.live: `auth` must be a strategy; wrap the token: auth: privateToken(token)" },
    ],
    ["null", null, { error: "DataOps.live: options must be an object; got null" }],
    [
      "a negative timeout",
      { timeout: -1 },
      { error: "DataOps.live: `timeout` must be a positive number of milliseconds; got -1" },
    ],
    [
      "plain http to a remote host",
      { baseUrl: "http://gitlab.example.com/api/v4" },
      {
        error:
          'DataOps.live: `baseUrl` uses plain http:// to the remote host "gitlab.example.com", which would send credentials unencrypted; use https:// (http:// is allowed only for localhost/127.0.0.1)',
      },
    ],
    [
      "a negative rate",
      { maxRequestsPerSecond: -1 },
      { error: "DataOps.live: `maxRequestsPerSecond` must be a whole number ≥ 0 (0 turns throttling off); got -1" },
    ],
  ])("handles %s as createDataopsLiveClient does", (_, options, expected) => {
    expectSameOutcome(createDataopsLiveApi, createDataopsLiveClient, options, expected);
  });

  it("enforces maxRequestsPerSecond as the full client does", async () => {
    await expectRateHeld(createDataopsLiveApi, {}, "/groups");
  });
});
