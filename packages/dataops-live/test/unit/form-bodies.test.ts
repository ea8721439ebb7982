import { describe, expect, it } from "vitest";
import { ConfigurationError, createDataopsLiveClient, privateToken } from "../../src/index.js";
import { fakeGitlab, json, pipeline } from "./fake-gitlab.js";

const seedBody = { name: "<example-name>", description: "<example-description>" };

function client() {
  const fake = fakeGitlab((request) =>
    request.path.includes("pipeline") ? json(pipeline("created"), { status: 201 }) : json({ id: 1 }, { status: 201 }),
  );
  return { fake, dol: createDataopsLiveClient({ auth: privateToken("glpat-x"), fetch: fake.fetch }) };
}

describe("POST /projects in the seed's two payload forms", () => {
  it("JSON (the default): Content-Type application/json", async () => {
    const { fake, dol } = client();
    await dol.createProject(seedBody);
    expect(fake.requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual(seedBody);
  });

  it("form fields as curl --form sends them: multipart, permissions[project_access]=null", async () => {
    const { fake, dol } = client();
    await dol.createProject({ ...seedBody, "permissions[project_access]": "null" }, { format: "multipart" });
    const [sent] = fake.requests;
    expect(sent?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect([...(sent?.formData?.entries() ?? [])]).toEqual([
      ["name", "<example-name>"],
      ["description", "<example-description>"],
      ["permissions[project_access]", "null"],
    ]);
  });

  it("URL-encoded (curl --data), nested objects as bracketed keys", async () => {
    const { fake, dol } = client();
    await dol.createProject(
      { name: "n", topics: ["etl", "dbt"], initialize_with_readme: true, namespace_id: 320941 },
      { format: "urlencoded" },
    );
    const [sent] = fake.requests;
    expect(sent?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(sent?.body).toBe("name=n&topics%5B%5D=etl&topics%5B%5D=dbt&initialize_with_readme=true&namespace_id=320941");
  });

  it("updateProject sends form fields to PUT /projects/:id", async () => {
    const { fake, dol } = client();
    await dol.updateProject("g/p", { description: "new" }, { format: "urlencoded" });
    expect(fake.requests[0]?.method).toBe("PUT");
    expect(fake.requests[0]?.path).toBe("/projects/g%2Fp");
    expect(fake.requests[0]?.body).toBe("description=new");
  });

  it("an unknown format fails before any request", async () => {
    const { fake, dol } = client();
    await expect(dol.createProject(seedBody, { format: "xml" as "json" })).rejects.toThrow(
      '`format` must be "json", "multipart" or "urlencoded"',
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe("pipeline bodies", () => {
  it("triggerPipeline as multipart sends variables[KEY] fields, as the DataOps.live curl example", async () => {
    const { fake, dol } = client();
    await dol.triggerPipeline(
      21816,
      { token: "tt", ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml", TARGET: "prod" } },
      { format: "multipart" },
    );
    expect(fake.requests[0]?.path).toBe("/projects/21816/trigger/pipeline");
    expect([...(fake.requests[0]?.formData?.entries() ?? [])]).toEqual([
      ["token", "tt"],
      ["ref", "main"],
      ["variables[_PIPELINE_FILE_NAME]", "full-ci.yml"],
      ["variables[TARGET]", "prod"],
    ]);
  });

  it("triggerPipeline URL-encoded", async () => {
    const { fake, dol } = client();
    await dol.triggerPipeline(
      21816,
      { token: "tt", ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } },
      { format: "urlencoded" },
    );
    expect(fake.requests[0]?.body).toBe("token=tt&ref=main&variables%5B_PIPELINE_FILE_NAME%5D=full-ci.yml");
  });

  it("createPipeline turns a variables map into GitLab's [{ key, value }] list", async () => {
    const { fake, dol } = client();
    await dol.createPipeline(21816, { ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } });
    await dol.createPipeline(21816, {
      ref: "main",
      variables: [{ key: "CFG", value: "a: 1", variable_type: "file" }],
    });
    expect(fake.requests.map((r) => JSON.parse(r.body))).toEqual([
      { ref: "main", variables: [{ key: "_PIPELINE_FILE_NAME", value: "full-ci.yml" }] },
      { ref: "main", variables: [{ key: "CFG", value: "a: 1", variable_type: "file" }] },
    ]);
    expect(fake.requests[0]?.path).toBe("/projects/21816/pipeline");
  });

  it("createPipeline rejects a non-string variable value", async () => {
    const { dol } = client();
    await expect(
      dol.createPipeline(1, { ref: "main", variables: { N: 1 as unknown as string } }),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });
});
