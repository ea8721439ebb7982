import { describe, expect, it } from "vitest";
import { ConfigurationError, createDataopsLiveClient, encodeResourceId, privateToken } from "../../src/index.js";
import { BASE_URL, fakeGitlab, json } from "./fake-gitlab.js";

function client() {
  const fake = fakeGitlab(() => json({ id: 21816 }));
  return { fake, dol: createDataopsLiveClient({ auth: privateToken("glpat-x"), fetch: fake.fetch }) };
}

describe("project ids on the wire", () => {
  it.each([
    [21816, "/projects/21816"],
    ["21816", "/projects/21816"],
    ["my-group/my-project", "/projects/my-group%2Fmy-project"],
    ["parent/child/my-project", "/projects/parent%2Fchild%2Fmy-project"],
    ["my-group/my.project", "/projects/my-group%2Fmy.project"],
    // Already encoded: decoded first, so it is not sent as my-group%252Fmy-project.
    ["my-group%2Fmy-project", "/projects/my-group%2Fmy-project"],
    ["my-group%2fmy-project", "/projects/my-group%2Fmy-project"],
  ])("%j is sent as %s (one path segment)", async (id, path) => {
    const { fake, dol } = client();
    await dol.getProject(id);
    expect(fake.requests[0]?.url.href).toBe(`${BASE_URL}${path}`);
  });

  it("paths with a project id keep the rest of the path as is", async () => {
    const { fake, dol } = client();
    await dol.getJob("my-group/my-project", 8);
    expect(fake.requests[0]?.url.pathname).toBe("/api/v4/projects/my-group%2Fmy-project/jobs/8");
  });

  it("group and namespace ids follow the same rule", async () => {
    const { fake, dol } = client();
    await dol.getGroup("parent/child");
    await dol.getNamespace("jane.doe");
    expect(fake.requests.map((r) => r.path)).toEqual(["/groups/parent%2Fchild", "/namespaces/jane.doe"]);
  });

  it.each([0, -1, 1.5, Number.NaN, "", "  ", "/group/project", "group/project/", "group//project", null, {}])(
    "rejects %j before any request",
    async (id) => {
      const { fake, dol } = client();
      await expect(dol.getProject(id as string)).rejects.toBeInstanceOf(ConfigurationError);
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe("encodeResourceId", () => {
  it("gives the exact segment GitLab expects", () => {
    expect(encodeResourceId(21816)).toBe("21816");
    expect(encodeResourceId("my-group/my-project")).toBe("my-group%2Fmy-project");
    expect(encodeResourceId("my-group%2Fmy-project")).toBe("my-group%2Fmy-project");
    expect(encodeResourceId("a b/c")).toBe("a%20b%2Fc");
  });

  it("explains what a full path looks like", () => {
    expect(() => encodeResourceId("/x")).toThrow(
      'write it as "group/project" without leading, trailing or double slashes',
    );
    expect(() => encodeResourceId(-3, "groupId")).toThrow("`groupId` must be a positive whole number or a path");
  });
});
