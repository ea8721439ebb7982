import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  JobFailedError,
  MissingPermissionError,
  NotFoundError,
  parseCallback,
  ServerError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { mockClient, prefer } from "./support.js";

describe("executeEndpoint against the mock", () => {
  it("sync: returns the seed's result (decimals arrive as numbers)", async () => {
    const outcome = await mockClient().execute("default", "vendas-por-regiao", {
      parameter_values: { data_inicio: "2026-01-01", regiao: "Sul" },
    });
    expect(outcome).toEqual({
      mode: "sync",
      result: {
        columns: [
          { name: "regiao", type: "varchar" },
          { name: "total", type: "decimal" },
        ],
        rows: [{ regiao: "Sul", total: 150000 }],
        row_count: 1,
        truncated: false,
        max_rows: 10000,
        executed_at: "2026-04-11T10:30:00Z",
      },
    });
  });

  it("async: 202 returns the seed's accepted job", async () => {
    const outcome = await mockClient().execute(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      prefer("code=202"),
    );
    expect(outcome).toEqual({
      mode: "async",
      job: {
        job_id: "507f1f77bcf86cd799439011",
        status: "processing",
        polling_url: "/api/v1/data-api/default/relatorio-mensal/jobs/507f1f77bcf86cd799439011",
      },
    });
  });

  it("executeAndWait: 202, then polls polling_url to the completed job", async () => {
    const states: string[] = [];
    const result = await mockClient().executeAndWait(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      { ...prefer("code=202"), poll: { headers: {}, initialDelayMs: 1 }, onPoll: (job) => states.push(job.status) },
    );
    expect(states).toEqual(["completed"]);
    expect(result.row_count).toBe(result.rows.length);
    expect(result.truncated).toBe(false);
  });

  it("executeAndWait: a failed job becomes JobFailedError", async () => {
    const error = await mockClient()
      .executeAndWait(
        "default",
        "relatorio-mensal",
        {},
        { ...prefer("code=202"), poll: { headers: { Prefer: "example=failed" }, initialDelayMs: 1 } },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).job.status).toBe("failed");
    expect((error as JobFailedError).job.error).toBe("Query execution failed");
    expect((error as Error).message).toBe("Solucao42 job 507f1f77bcf86cd799439011 failed: Query execution failed");
  });

  it.each([
    [400, BadRequestError, "INVALID_PARAMS"],
    [403, MissingPermissionError, "FORBIDDEN"],
    [404, NotFoundError, "ENDPOINT_NOT_FOUND"],
    [408, ApiError, "EXECUTION_TIMEOUT"],
    [422, UnprocessableEntityError, undefined],
    [500, ServerError, "INTERNAL_ERROR"],
  ])("%i → %o with code %s", async (status, ErrorClass, code) => {
    const error = await mockClient()
      .execute("default", "vendas-por-regiao", {}, prefer(`code=${status}`))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).code).toBe(code);
  });

  it("403 names the missing permission", async () => {
    const error = await mockClient()
      .execute("default", "vendas-por-regiao", {}, prefer("code=403"))
      .catch((e: unknown) => e);
    expect((error as MissingPermissionError).permission).toBe("data_api:execute");
    expect((error as Error).message).toContain("needs the data_api:execute permission");
  });

  it("401 without credentials", async () => {
    const s42 = mockClient({ auth: undefined });
    const { response } = await s42.api.POST("/api/v1/data-api/{namespace}/{slug}/execute", {
      params: { path: { namespace: "default", slug: "vendas-por-regiao" } },
      body: {},
    });
    expect(response.status).toBe(401);
  });
});

describe("getJob against the mock", () => {
  const job = (headers?: Record<string, string>) =>
    mockClient().getJob("default", "relatorio-mensal", "507f1f77bcf86cd799439011", headers ? { headers } : {});

  it("returns the completed job by default, and the processing and failed examples on request", async () => {
    await expect(job()).resolves.toMatchObject({ status: "completed", error: null });
    await expect(job({ Prefer: "example=processing" })).resolves.toEqual({
      job_id: "507f1f77bcf86cd799439011",
      status: "processing",
      result: null,
      error: null,
      created_at: "2026-04-11T10:30:00Z",
      completed_at: null,
    });
    await expect(job({ Prefer: "example=failed" })).resolves.toMatchObject({ status: "failed", result: null });
  });

  it.each([
    ["code=401", 401, undefined],
    ["code=403", 403, "FORBIDDEN"],
    ["code=404", 404, "JOB_NOT_FOUND"],
    ["code=404, example=endpointNotFound", 404, "ENDPOINT_NOT_FOUND"],
    ["code=500", 500, "INTERNAL_ERROR"],
  ])("Prefer %s → %i %s", async (preference, status, code) => {
    const error = await mockClient({ maxRetries: 0 })
      .getJob("default", "relatorio-mensal", "507f1f77bcf86cd799439011", prefer(preference))
      .catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).code).toBe(code);
    if (status === 403) expect((error as MissingPermissionError).permission).toBe("data_api:get_job");
  });
});

describe("callback_url", () => {
  const received: Array<{ path: string; body: string; contentType: string | undefined }> = [];
  let receiverUrl = "";
  const receiver = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", body, contentType: req.headers["content-type"] });
      res.writeHead(200, { "content-type": "text/plain" }).end("OK");
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/result`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("the mock POSTs the finished job to a local receiver, and parseCallback accepts it", async () => {
    const outcome = await mockClient().execute(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" }, callback_url: receiverUrl },
      prefer("code=202"),
    );
    expect(outcome.mode).toBe("async");
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe("/webhook/result");
    expect(received[0]?.contentType).toContain("application/json");
    const job = parseCallback(received[0]?.body);
    expect(job.status).toBe("completed");
    expect(job.result?.row_count).toBe(job.result?.rows.length);
  });
});
