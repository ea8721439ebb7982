// Starts one real Prism (behind the proxy) for a throwaway spec and registry; nothing here depends on the
// vendors' own specs, which other people are editing.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock, stripBasePath } from "../../scripts/lib/mock-server.js";
import { loadRegistry, repoRoot, type Vendor } from "../../scripts/lib/registry.js";

const header = (example: string) => ({ schema: { type: "string", example } });
const servers = [{ url: "https://api.acme.example/api/v9" }, { url: "http://127.0.0.1:4999/api/v9" }];

const acmeSpec = {
  openapi: "3.1.0",
  info: { title: "Acme", version: "1.0.0" },
  servers,
  // The headers paging style (GitLab's X-Page / X-Next-Page / Link), as the DataOps.live spec declares it.
  "x-dataclients-paging": { style: "headers", page: "page", size: "per_page" },
  paths: {
    "/things": {
      get: {
        operationId: "listThings",
        summary: "List things",
        parameters: [
          { name: "page", in: "query", schema: { type: "integer" } },
          { name: "per_page", in: "query", schema: { type: "integer" } },
          { name: "id_after", in: "query", schema: { type: "integer" } },
          { name: "pagination", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "One page of things",
            headers: {
              "X-Page": header("1"),
              "X-Next-Page": header("2"),
              "X-Prev-Page": header(""),
              "X-Per-Page": header("2"),
              "X-Total": header("6"),
              "X-Total-Pages": header("3"),
            },
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
                example: [
                  { id: 1, name: "anvil" },
                  { id: 2, name: "rocket" },
                ],
              },
            },
          },
        },
      },
      post: {
        operationId: "createThing",
        summary: "Create a thing",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: { name: { type: "string", minLength: 1 } },
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Created",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Thing" },
                example: { id: 3, name: "magnet" },
              },
            },
          },
        },
      },
    },
    "/traced": {
      get: {
        operationId: "getTraced",
        summary: "A response that already carries a request id",
        responses: {
          "200": {
            description: "OK",
            headers: { "X-Request-Id": header("from-prism") },
            content: { "application/json": { schema: { type: "object" }, example: { ok: true } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } },
    },
  },
};

// Prism refuses a document without operations: a reliable way to make it exit during start-up.
const brokenSpec = {
  openapi: "3.1.0",
  info: { title: "Broken", version: "1.0.0" },
  servers: [servers[0], { url: "http://127.0.0.1:4998/api/v9" }],
  paths: {},
};

// Prism takes ~2.5 s to start on an idle machine and several times that on a loaded 2-core one.
const PRISM_START_MS = 60_000;
const PRISM_CASE_MS = 30_000;

let root: string;
let acme: Vendor;
let broken: Vendor;
let mock: RunningMock;
let holder: { child: ChildProcess; prismPid: number };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "mock-server-test-"));
  writeSpec("acme", acmeSpec);
  writeSpec("broken", brokenSpec);
  writeFileSync(
    join(root, "redocly.yaml"),
    [
      "apis:",
      "  acme: { root: specs/acme/openapi.yaml, x-display-name: Acme Corp }",
      "  broken: { root: specs/broken/openapi.yaml, x-display-name: Broken }",
      "",
    ].join("\n"),
  );
  const vendors = loadRegistry(root);
  acme = vendorNamed(vendors, "acme");
  broken = vendorNamed(vendors, "broken");
  // Both Prism start-ups at once: they dominate this file's run time.
  [mock, holder] = await Promise.all([startMock(acme), startMockInChildProcess()]);
}, PRISM_START_MS);

afterAll(async () => {
  await mock?.close();
  holder?.child.kill("SIGKILL");
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("stripBasePath", () => {
  it("maps paths under the base path to Prism's paths and rejects the rest", () => {
    expect(stripBasePath("/api/v9/things?page=2", "/api/v9")).toBe("/things?page=2");
    expect(stripBasePath("/api/v9", "/api/v9")).toBe("/");
    expect(stripBasePath("/api/v9?x=1", "/api/v9")).toBe("/?x=1");
    expect(stripBasePath("/api/v90/things", "/api/v9")).toBeUndefined();
    expect(stripBasePath("/things", "/api/v9")).toBeUndefined();
    expect(stripBasePath("/things?a=1", "")).toBe("/things?a=1");
  });
});

describe("startMock", () => {
  it("reports the registry's base path in its url, on a free port (not the spec's 4999)", () => {
    expect(acme.basePath).toBe("/api/v9");
    expect(mock.port).not.toBe(4999);
    expect(mock.origin).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/api/v9`);
  });

  it("serves the example under the base path, with a request id", async () => {
    const res = await fetch(`${mock.url}/things`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      { id: 1, name: "anvil" },
      { id: 2, name: "rocket" },
    ]);
    expect(res.headers.get("x-request-id")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("keeps a request id Prism sent", async () => {
    const res = await fetch(`${mock.url}/traced`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("from-prism");
  });

  it("answers a path outside the base path with a 404 problem that names the base path", async () => {
    const res = await fetch(`${mock.origin}/things`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { status: number; detail: string };
    expect(problem.status).toBe(404);
    expect(problem.detail).toContain("/api/v9");
    expect(problem.detail).toContain(`${mock.url}/things`);
  });

  it("forwards the request body: a valid one gets the example, an invalid one Prism's 422", async () => {
    const post = (body: unknown) =>
      fetch(`${mock.url}/things`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const created = await post({ name: "magnet" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 3, name: "magnet" });
    const invalid = await post({ colour: "red" });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain("name");
  });

  it("rewrites the paging headers from the request's page", async () => {
    const res = await fetch(`${mock.url}/things?page=2&per_page=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-page")).toBe("2");
    expect(res.headers.get("x-next-page")).toBe("3");
    expect(res.headers.get("x-prev-page")).toBe("1");
    expect(res.headers.get("x-per-page")).toBe("2");
    expect(res.headers.get("link")).toBe(
      [
        `<${mock.url}/things?page=1&per_page=2>; rel="first"`,
        `<${mock.url}/things?page=1&per_page=2>; rel="prev"`,
        `<${mock.url}/things?page=3&per_page=2>; rel="next"`,
        `<${mock.url}/things?page=3&per_page=2>; rel="last"`,
      ].join(", "),
    );
    const last = await fetch(`${mock.url}/things?page=3&per_page=2`);
    expect(last.headers.get("x-next-page")).toBe("");
  });

  it("walks keyset pages through rel=next links until X-Total-Pages pages", async () => {
    let next: string | undefined = `${mock.url}/things?pagination=keyset&per_page=2`;
    const pages: string[] = [];
    while (next && pages.length < 10) {
      const res: Response = await fetch(next);
      expect(res.status).toBe(200);
      expect(res.headers.has("x-total-pages")).toBe(false);
      pages.push(next);
      next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
    }
    expect(pages.map((url) => new URL(url).searchParams.get("id_after"))).toEqual([null, "1000", "2000"]);
  });

  it(
    "rejects a taken port with a message that says what to do",
    async () => {
      const blocker = await listenOnFreePort();
      const { port } = blocker.address() as { port: number };
      try {
        await expect(startMock(acme, { port })).rejects.toThrow(
          `port ${port} is already in use: stop whatever is using it (maybe another \`pnpm mock\`) or pass a different port`,
        );
      } finally {
        blocker.close();
      }
    },
    PRISM_CASE_MS,
  );

  it(
    "rejects with the end of Prism's output when Prism exits during start-up",
    async () => {
      const error = await startMock(broken).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^Prism for broken \(.*specs\/broken\/openapi\.yaml\) exited with code 1/);
      expect(error?.message).toContain("No operations found in the current file.");
      // Prism prints its whole usage text before the error; the tail leaves it out.
      expect(error?.message).not.toContain("Positionals:");
    },
    PRISM_CASE_MS,
  );

  it(
    "does not leave Prism behind when the process that started it is killed",
    async () => {
      expect(isAlive(holder.prismPid)).toBe(true);
      holder.child.kill("SIGKILL");
      expect(await waitUntil(() => !isAlive(holder.prismPid), 5_000)).toBe(true);
    },
    PRISM_CASE_MS,
  );

  it(
    "close() kills Prism's whole process group and stops the proxy",
    async () => {
      const { pid, url } = mock;
      expect(isAlive(pid)).toBe(true);
      await mock.close();
      expect(await mock.exited).toBeNull(); // killed by a signal
      expect(isAlive(pid)).toBe(false);
      expect(groupMembers(pid)).toEqual([]);
      await expect(fetch(`${url}/things`)).rejects.toThrow();
      await mock.close(); // a second close is harmless
    },
    PRISM_CASE_MS,
  );
});

function vendorNamed(vendors: Vendor[], dir: string): Vendor {
  const vendor = vendors.find((v) => v.dir === dir);
  if (!vendor) throw new Error(`the test registry has no ${dir}`);
  return vendor;
}

function writeSpec(dir: string, spec: unknown): void {
  mkdirSync(join(root, "specs", dir), { recursive: true });
  // JSON is YAML: no need for a serializer here.
  writeFileSync(join(root, "specs", dir, "openapi.yaml"), JSON.stringify(spec, null, 2));
}

/** A separate Node process that starts the acme mock and then stays alive until killed. */
async function startMockInChildProcess(): Promise<{ child: ChildProcess; prismPid: number }> {
  const script = join(root, "hold-mock.mts");
  writeFileSync(
    script,
    [
      `import { startMock } from ${JSON.stringify(pathToFileURL(join(repoRoot, "scripts/lib/mock-server.ts")).href)};`,
      `import { loadRegistry } from ${JSON.stringify(pathToFileURL(join(repoRoot, "scripts/lib/registry.ts")).href)};`,
      "const mock = await startMock(loadRegistry(process.argv[2])[0]);",
      "console.log(JSON.stringify({ pid: mock.pid }));",
      "setInterval(() => {}, 60_000);",
    ].join("\n"),
  );
  // `--import tsx` keeps it one process, so the process we kill is the one that spawned Prism.
  const child = spawn(process.execPath, ["--import", "tsx", script, root], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const prismPid = await new Promise<number>((resolve, reject) => {
    lines.once("line", (line) => resolve((JSON.parse(line) as { pid: number }).pid));
    child.once("exit", (code) => reject(new Error(`the mock-holding process exited with code ${code}`)));
  });
  return { child, prismPid };
}

/** Alive and not a zombie (a killed orphan stays a zombie where PID 1 does not reap, as in containers). */
function isAlive(pid: number): boolean {
  try {
    const state = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return state !== "" && !state.startsWith("Z");
  } catch {
    return false; // ps exits 1 when there is no such process
  }
}

function groupMembers(pgid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,pgid=,stat="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group, state]) => Number(group) === pgid && !state?.startsWith("Z"))
    .map(([pid]) => Number(pid));
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}
