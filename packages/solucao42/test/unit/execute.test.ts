import { describe, expect, it } from "vitest";
import {
  AbortError,
  apiKeyAuth,
  bearer,
  ConfigurationError,
  createSolucao42Client,
  JobFailedError,
  MissingPermissionError,
  PermissionDeniedError,
  PollTimeoutError,
  passwordAuth,
} from "../../src/index.js";
import { type FakeVendorOptions, fakeVendor } from "./fake-vendor.js";

const fastPoll = { initialDelayMs: 1, maxDelayMs: 2 };

function setup(options: FakeVendorOptions = {}) {
  const vendor = fakeVendor(options);
  const s42 = createSolucao42Client({
    baseUrl: "https://api.test",
    auth: apiKeyAuth({ companySlug: "acme", apiKey: "s42_key", apiSecret: "secret" }),
    fetch: vendor.fetch,
  });
  const paths = () =>
    vendor.requests.filter((r) => !r.url.pathname.startsWith("/api/v1/auth/")).map((r) => r.url.pathname);
  return { vendor, s42, paths };
}

describe("execute", () => {
  it("returns the rows of a sync endpoint as mode sync, with truncated and max_rows", async () => {
    const { s42, vendor } = setup();
    const outcome = await s42.execute("default", "vendas-por-regiao", { parameter_values: { regiao: "Sul" } });
    expect(outcome).toEqual({
      mode: "sync",
      result: expect.objectContaining({ rows: [{ regiao: "Sul", total: 150000 }], truncated: false, max_rows: 10000 }),
    });
    const sent = vendor.requests.at(-1);
    expect(sent?.url.pathname).toBe("/api/v1/data-api/default/vendas-por-regiao/execute");
    expect(sent?.body).toEqual({ parameter_values: { regiao: "Sul" } });
  });

  it("returns the accepted job of an async endpoint as mode async", async () => {
    const { s42 } = setup({ executeStatus: 202 });
    const outcome = await s42.execute("default", "relatorio-mensal", { parameter_values: { mes: "2026-03" } });
    expect(outcome).toEqual({
      mode: "async",
      job: {
        job_id: "job-1",
        status: "processing",
        polling_url: "/api/v1/data-api/default/relatorio-mensal/jobs/job-1",
      },
    });
  });

  it.each([
    ["Default", "slug", "namespace"],
    ["default", "Vendas Por Regiao", "slug"],
    ["default", "", "slug"],
    ["default", "a/../b", "slug"],
  ])("rejects namespace %j / slug %j before sending anything", async (namespace, slug, what) => {
    const { s42, vendor } = setup();
    await expect(s42.execute(namespace, slug)).rejects.toThrow(new RegExp(`\`${what}\` must be kebab-case`));
    expect(vendor.requests).toHaveLength(0);
  });

  it.each(["http://my-system.com/webhook", "not a url", "ftp://x.test/y"])(
    "rejects callback_url %j before sending",
    async (url) => {
      const { s42, vendor } = setup();
      const error = await s42.execute("default", "relatorio-mensal", { callback_url: url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/callback_url.*https:\/\//);
      expect(vendor.requests).toHaveLength(0);
    },
  );

  it("accepts an https callback_url and a loopback one", async () => {
    const { s42 } = setup({ executeStatus: 202 });
    await expect(
      s42.execute("default", "r", { callback_url: "https://my-system.com/webhook/result" }),
    ).resolves.toMatchObject({ mode: "async" });
    await expect(s42.execute("default", "r", { callback_url: "http://127.0.0.1:9/cb" })).resolves.toMatchObject({
      mode: "async",
    });
  });

  it("needs credentials and says how to pass them", async () => {
    const s42 = createSolucao42Client({ fetch: fakeVendor().fetch });
    await expect(s42.execute("default", "x")).rejects.toThrow(
      /needs credentials; create the client with auth: apiKeyAuth/,
    );
  });
});

describe("executeAndWait", () => {
  it("returns a sync result directly", async () => {
    const { s42, paths } = setup();
    const result = await s42.executeAndWait("default", "vendas-por-regiao");
    expect(result.executed_at).toBe("2026-04-11T10:30:00Z");
    expect(paths()).toEqual(["/api/v1/data-api/default/vendas-por-regiao/execute"]);
  });

  it("polls the job's polling_url until it completes and returns its result", async () => {
    const { s42, paths } = setup({ executeStatus: 202, jobStates: ["processing", "processing", "completed"] });
    const seen: string[] = [];
    const result = await s42.executeAndWait(
      "default",
      "relatorio-mensal",
      {},
      { poll: fastPoll, onPoll: (job) => seen.push(job.status) },
    );
    expect(result).toEqual({
      columns: [{ name: "regiao", type: "varchar" }],
      rows: [{ regiao: "Sul", total: 150000 }],
      row_count: 1,
      truncated: false,
    });
    expect(seen).toEqual(["processing", "processing", "completed"]);
    expect(paths()).toEqual([
      "/api/v1/data-api/default/relatorio-mensal/execute",
      ...Array(3).fill("/api/v1/data-api/default/relatorio-mensal/jobs/job-1"),
    ]);
  });

  it("follows a polling_url that differs from the job_id route, on the same origin", async () => {
    const { s42, paths } = setup({
      executeStatus: 202,
      jobStates: ["completed"],
      pollingUrl: "https://api.test/api/v1/data-api/default/r/jobs/other-id",
    });
    await s42.executeAndWait("default", "r", {}, { poll: fastPoll });
    expect(paths().at(-1)).toBe("/api/v1/data-api/default/r/jobs/other-id");
  });

  it("ignores a polling_url on another origin and polls by job_id", async () => {
    const { s42, vendor } = setup({
      executeStatus: 202,
      jobStates: ["completed"],
      pollingUrl: "https://evil.test/steal",
    });
    await s42.executeAndWait("default", "r", {}, { poll: fastPoll });
    expect(vendor.requests.at(-1)?.url.toString()).toBe("https://api.test/api/v1/data-api/default/r/jobs/job-1");
  });

  it("turns a failed job into JobFailedError carrying the job", async () => {
    const { s42 } = setup({ executeStatus: 202, jobStates: ["processing", "failed"] });
    const error = await s42.executeAndWait("default", "r", {}, { poll: fastPoll }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).message).toBe("Solucao42 job job-1 failed: column total does not exist");
    expect((error as JobFailedError).job.status).toBe("failed");
  });

  it("gives up at waitTimeout with PollTimeoutError holding the last state", async () => {
    const { s42 } = setup({ executeStatus: 202, jobStates: ["processing"] });
    const error = await s42
      .executeAndWait("default", "r", {}, { poll: { initialDelayMs: 5, maxDelayMs: 5 }, waitTimeout: 40 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError<{ status: string }>).lastValue.status).toBe("processing");
  });

  it("stops polling when the signal aborts", async () => {
    const { s42, paths } = setup({ executeStatus: 202, jobStates: ["processing"] });
    const controller = new AbortController();
    const waiting = s42.executeAndWait(
      "default",
      "r",
      {},
      { poll: { initialDelayMs: 10, maxDelayMs: 10 }, signal: controller.signal, onPoll: () => controller.abort() },
    );
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    const polls = paths().filter((p) => p.includes("/jobs/")).length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(paths().filter((p) => p.includes("/jobs/")).length).toBe(polls);
  });

  it("sends poll.headers instead of the execute headers on the polls", async () => {
    const { s42, vendor } = setup({ executeStatus: 202, jobStates: ["completed"] });
    await s42.executeAndWait(
      "default",
      "r",
      {},
      { headers: { prefer: "code=202" }, poll: { ...fastPoll, headers: { "x-trace": "1" } } },
    );
    const [execute, poll] = vendor.requests.filter((r) => !r.url.pathname.startsWith("/api/v1/auth/"));
    expect(execute?.headers.get("prefer")).toBe("code=202");
    expect(poll?.headers.get("prefer")).toBeNull();
    expect(poll?.headers.get("x-trace")).toBe("1");
  });
});

describe("construction", () => {
  it.each([
    [{ baseUrl: "" }, /`baseUrl` must be a non-empty absolute URL/],
    [{ baseUrl: "api.console.solucao42.com.br" }, /not an absolute URL; include the scheme/],
    [
      { baseUrl: "http://api.console.solucao42.com.br" },
      /plain http:\/\/ to the remote host "api.console.solucao42.com.br"/,
    ],
  ])("rejects %j with a message that says what to fix", (options, message) => {
    expect(() => createSolucao42Client(options)).toThrow(message);
  });

  it("defaults to the production URL and accepts the documented local server", () => {
    expect(createSolucao42Client().baseUrl).toBe("https://api.console.solucao42.com.br");
    expect(createSolucao42Client({ baseUrl: "http://localhost:3100/" }).baseUrl).toBe("http://localhost:3100");
  });

  it.each([
    [{ companySlug: "acme", apiKey: "", apiSecret: "s" }, /`apiKey` must be a non-empty string/],
    [{ companySlug: "", apiKey: "s42_k", apiSecret: "s" }, /`companySlug` must be a non-empty string/],
    [{ companySlug: "acme", apiKey: "s42_k", apiSecret: " " }, /`apiSecret` must be a non-empty string/],
    [
      { companySlug: "acme", apiKey: "secret-value", apiSecret: "s42_k" },
      /must start with "s42_" \(did you swap apiKey and apiSecret\?\)/,
    ],
  ])("apiKeyAuth rejects %j", (options, message) => {
    expect(() => apiKeyAuth(options)).toThrow(message);
  });
});

describe("permission errors and job ids", () => {
  it("a 403 on execute names data_api:execute, on getJob data_api:get_job", async () => {
    const forbidden = async () =>
      new Response(JSON.stringify({ code: "FORBIDDEN", message: "Forbidden" }), {
        status: 403,
        headers: { "content-type": "application/json" },
      });
    const s42 = createSolucao42Client({ baseUrl: "https://api.test", auth: bearer("jwt"), fetch: forbidden });
    const onExecute = await s42.execute("default", "r").catch((e: unknown) => e);
    expect(onExecute).toBeInstanceOf(MissingPermissionError);
    expect(onExecute).toBeInstanceOf(PermissionDeniedError);
    expect((onExecute as MissingPermissionError).permission).toBe("data_api:execute");
    expect((onExecute as Error).message).toBe(
      "POST https://api.test/api/v1/data-api/default/r/execute failed with 403 [FORBIDDEN]: Forbidden — the integration user needs the data_api:execute permission (managed policies VisualizationViewer, VisualizationManager or DataAPIConsumer)",
    );
    const onPoll = await s42.getJob("default", "r", "job-1").catch((e: unknown) => e);
    expect((onPoll as MissingPermissionError).permission).toBe("data_api:get_job");
  });

  it.each(["", "a/b", "x?y"])("getJob rejects job id %j before sending", async (jobId) => {
    const { s42, vendor } = setup();
    await expect(s42.getJob("default", "r", jobId)).rejects.toThrow(
      /`jobId` must be the job_id returned by execute\(\)/,
    );
    expect(vendor.requests).toHaveLength(0);
  });

  it("passwordAuth logs in at /api/v1/auth/login and validates its fields", async () => {
    const vendor = fakeVendor();
    const s42 = createSolucao42Client({
      baseUrl: "https://api.test",
      auth: passwordAuth({ companySlug: "acme", email: "analyst@acme.com.br", password: "pw" }),
      fetch: vendor.fetch,
    });
    await s42.permissions();
    expect(vendor.tokenRequests().map((r) => [r.url.pathname, r.body])).toEqual([
      ["/api/v1/auth/login", { company_slug: "acme", email: "analyst@acme.com.br", password: "pw" }],
    ]);
    expect(() => passwordAuth({ companySlug: "acme", email: "not-an-email", password: "pw" })).toThrow(
      /`email` "not-an-email" is not an e-mail address/,
    );
    expect(() => passwordAuth({ companySlug: "acme", email: "a@b.c", password: "" })).toThrow(
      /`password` must be a non-empty string/,
    );
  });

  it("a plain bearer client has no token user", async () => {
    const s42 = createSolucao42Client({ auth: bearer("jwt") });
    await expect(s42.currentUser()).resolves.toBeUndefined();
  });
});
