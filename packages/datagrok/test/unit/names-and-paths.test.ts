// Grok names, file paths and table id lists as they reach the wire: asserted on the raw request path an injected
// fetch receives (Prism accepts several spellings, so the mock cannot tell them apart).
import { describe, expect, it } from "vitest";
import { ConfigurationError, toRestName } from "../../src/index.js";
import { client, fakeDatagrok, IDENTIFIERS, json } from "./fake-datagrok.js";

const UUID = "7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11";

describe("toRestName", () => {
  it.each([
    ["Demo:Sales", "Demo.Sales"],
    ["Demo:Project:Table", "Demo.Project.Table"],
    ["Demo.Sales", "Demo.Sales"],
    ["Sales", "Sales"],
    [UUID, UUID],
    ["Démo:Ventes 2024", "Démo.Ventes 2024"],
    ["a/b:c", "a/b.c"],
  ])("%s → %s", (name, rest) => {
    expect(toRestName(name)).toBe(rest);
  });

  it.each([[""], ["."], [".."], [undefined], [42]])("refuses %j with a ConfigurationError", (value) => {
    expect(() => toRestName(value as string)).toThrow(ConfigurationError);
  });
});

describe("grok-name path parameters send Namespace.Name, IDs untouched", () => {
  const cases: Array<[string, (c: ReturnType<typeof client>) => Promise<unknown>, string]> = [
    ["downloadTable", (c) => c.downloadTable("Demo:Sales"), "/public/v1/tables/Demo.Sales"],
    ["uploadTable", (c) => c.uploadTable("Demo:Q1:Sales", "a\n1\n"), "/public/v1/tables/Demo.Q1.Sales"],
    ["getFunction", (c) => c.getFunction("Samples:Sum"), "/public/v1/functions/Samples.Sum"],
    ["callFunction", (c) => c.callFunction("Samples:Sum", {}), "/public/v1/Samples.Sum/call"],
    ["invokeFunction", (c) => c.invokeFunction("Samples:Sum", {}), "/public/v1/functions/Samples.Sum/call"],
    ["getConnection", (c) => c.getConnection("System:DemoFiles"), "/public/v1/connections/System.DemoFiles"],
    ["getGroup", (c) => c.getGroup(UUID), `/public/v1/groups/${UUID}`],
    ["shareEntity", (c) => c.shareEntity(UUID, { groups: ["All users"] }), `/public/v1/entities/${UUID}/shares`],
    [
      "createDashboard",
      (c) => c.createDashboard("Demo:SalesDashboard", [UUID]),
      `/public/v1/dashboards/Demo.SalesDashboard/${UUID}`,
    ],
    [
      "downloadFile",
      (c) => c.downloadFile("System:DemoFiles", "sales.csv"),
      "/public/v1/files/System.DemoFiles/sales.csv",
    ],
  ];
  it.each(cases)("%s", async (_id, call, path) => {
    const fake = fakeDatagrok((request) =>
      request.path.endsWith("/shares")
        ? json({ status: "success", shared: [], alreadyShared: [], failed: [] })
        : request.path.endsWith("/call")
          ? json(5)
          : json(IDENTIFIERS),
    );
    await call(client(fake.fetch));
    expect(fake.requests.map((r) => r.path)).toEqual([path]);
  });

  it("a name with characters that need encoding is one encoded segment", async () => {
    const fake = fakeDatagrok(() => new Response("a\n"));
    await client(fake.fetch).downloadTable("Demo:Sales 2024/Q1?#");
    expect(fake.requests[0]?.path).toBe("/public/v1/tables/Demo.Sales%202024%2FQ1%3F%23");
  });
});

describe("file paths keep their / and encode each segment", () => {
  const pathOf = async (path: string) => {
    const fake = fakeDatagrok(() => new Response("x"));
    await client(fake.fetch).downloadFile("System:DemoFiles", path);
    return fake.requests[0]?.path.replace("/public/v1/files/System.DemoFiles/", "");
  };

  it.each([
    ["sales.csv", "sales.csv"],
    ["demo/q1/sales.csv", "demo/q1/sales.csv"],
    ["my dir/100% & more.csv", "my%20dir/100%25%20%26%20more.csv"],
    ["a?b/c#d.csv", "a%3Fb/c%23d.csv"],
    ["résumé/données.csv", "r%C3%A9sum%C3%A9/donn%C3%A9es.csv"],
    ["...hidden/.env", "...hidden/.env"],
  ])("%s → %s", async (path, wire) => {
    expect(await pathOf(path)).toBe(wire);
  });

  it.each([
    ["../etc/passwd", '"." or ".."'],
    ["demo/../../secret.csv", '"." or ".."'],
    ["demo/./sales.csv", '"." or ".."'],
    ["/abs/sales.csv", "empty segments"],
    ["demo//sales.csv", "empty segments"],
    ["demo/", "empty segments"],
    ["", "must not be empty"],
  ])("%j is refused before sending (%s)", async (path, fragment) => {
    const fake = fakeDatagrok();
    const error = await client(fake.fetch)
      .uploadFile("System:DemoFiles", path, "x")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("`path`");
    expect((error as Error).message).toContain(fragment);
    expect(fake.requests).toHaveLength(0);
  });

  // Property: for random paths of 1–4 segments of arbitrary text (not "."/".."/empty), the wire path has the same
  // number of segments and each decodes back to its original. A seeded generator keeps failures reproducible.
  it("round-trips 300 random paths segment by segment", async () => {
    let seed = 20260301;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = [..."abcXYZ019 ._-~%?#&=+:;,@!$'()*[]{}\"<>|\\^`é漢😀"];
    const segment = () => {
      let text = "";
      const length = 1 + Math.floor(next() * 8);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      return text === "." || text === ".." ? `${text}x` : text;
    };
    const fake = fakeDatagrok(() => new Response("x"));
    const grok = client(fake.fetch);
    const paths: string[][] = [];
    for (let i = 0; i < 300; i++) {
      const segments = Array.from({ length: 1 + Math.floor(next() * 4) }, segment);
      paths.push(segments);
      await grok.downloadFile("System:DemoFiles", segments.join("/"));
    }
    expect(fake.requests).toHaveLength(300);
    fake.requests.forEach((request, i) => {
      const wire = request.path.replace("/public/v1/files/System.DemoFiles/", "").split("/");
      expect(wire.map(decodeURIComponent)).toEqual(paths[i]);
      for (const part of wire) expect(part).toMatch(/^[A-Za-z0-9\-_.!~*'()%]+$/);
    });
  });
});

describe("dashboard table ids", () => {
  it("joins several ids with commas, encoding each", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    await client(fake.fetch).createDashboard("Sales", [UUID, "Demo:Other", "odd,id"]);
    expect(fake.requests[0]?.path).toBe(`/public/v1/dashboards/Sales/${UUID},Demo%3AOther,odd%2Cid`);
  });

  it("takes one id as a string", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    await client(fake.fetch).createDashboard("Sales", UUID);
    expect(fake.requests[0]?.path).toBe(`/public/v1/dashboards/Sales/${UUID}`);
  });

  it("sends the layout as JSON, and no body without one", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    const grok = client(fake.fetch);
    await grok.createDashboard("Sales", [UUID], { "#type": "ViewLayout" });
    await grok.createDashboard("Sales", [UUID]);
    expect(fake.requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(fake.requests[0]?.body ?? "")).toEqual({ "#type": "ViewLayout" });
    expect(fake.requests[1]?.bytes.byteLength).toBe(0);
  });

  it("refuses an empty list before sending", async () => {
    const fake = fakeDatagrok();
    await expect(client(fake.fetch).createDashboard("Sales", [])).rejects.toThrow(
      "path parameter `table_ids` must list at least one value",
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe("sharing", () => {
  it("sends groups comma-separated and the access level", async () => {
    const fake = fakeDatagrok(() => json({ status: "success", shared: ["All users"], alreadyShared: [], failed: [] }));
    const result = await client(fake.fetch).shareDashboard("Demo:SalesDashboard", {
      groups: ["All users", "Chemists"],
      access: "View",
    });
    expect(fake.requests[0]?.method).toBe("GET");
    expect(fake.requests[0]?.path).toBe("/public/v1/dashboards/Demo.SalesDashboard/shares");
    // One `groups` value, comma-joined (the comma percent-encoded, as the Python client's `requests` sends it).
    expect(fake.requests[0]?.url.search).toBe("?groups=All%20users%2CChemists&access=View");
    expect(result.status).toBe("success");
  });
});
