import { describe, expectTypeOf, it } from "vitest";
import {
  apiKeyAuth,
  bearer,
  createSolucao42Client,
  type ExecuteOutcome,
  type ExecuteResult,
  type Job,
  type JobAccepted,
  type JobStatus,
  type PermissionsResponse,
  type QueryResult,
} from "../../src/index.js";

const s42 = createSolucao42Client({ auth: apiKeyAuth({ companySlug: "acme", apiKey: "s42_x", apiSecret: "y" }) });

describe("Solucao42 client types", () => {
  it("types the helpers' results", () => {
    expectTypeOf(s42.permissions()).resolves.toEqualTypeOf<PermissionsResponse>();
    expectTypeOf(s42.getJob("default", "r", "id")).resolves.toEqualTypeOf<Job>();
    expectTypeOf(s42.executeAndWait("default", "r")).resolves.toEqualTypeOf<QueryResult>();
    expectTypeOf<JobStatus>().toEqualTypeOf<"processing" | "completed" | "failed">();
  });

  it("narrows execute()'s outcome by mode", async () => {
    const outcome: ExecuteOutcome = await s42.execute("default", "r");
    if (outcome.mode === "sync") {
      expectTypeOf(outcome.result).toEqualTypeOf<ExecuteResult>();
      expectTypeOf(outcome.result.truncated).toEqualTypeOf<boolean>();
      // @ts-expect-error a sync outcome has no job
      outcome.job;
    } else {
      expectTypeOf(outcome.job).toEqualTypeOf<JobAccepted>();
      expectTypeOf(outcome.job.status).toEqualTypeOf<"processing">();
    }
  });

  it("rejects wrong request bodies and options at compile time", () => {
    // @ts-expect-error parameter_values must be an object
    s42.execute("default", "r", { parameter_values: "mes=2026-03" });
    // @ts-expect-error unknown body field
    s42.execute("default", "r", { callbackUrl: "https://x" });
    // @ts-expect-error timeout is a number of milliseconds
    createSolucao42Client({ timeout: "60s" });
    // @ts-expect-error apiKeyAuth needs the api secret
    apiKeyAuth({ companySlug: "acme", apiKey: "s42_x" });
    createSolucao42Client({ auth: bearer("jwt") });
  });

  it("keeps the raw client typed for every path", async () => {
    const { data } = await s42.api.GET("/api/v1/data-api/{namespace}/{slug}/jobs/{job_id}", {
      params: { path: { namespace: "default", slug: "r", job_id: "1" } },
    });
    expectTypeOf(data).toEqualTypeOf<Job | undefined>();
    // @ts-expect-error unknown path
    s42.api.GET("/api/v1/nope");
    // @ts-expect-error missing path parameter
    s42.api.GET("/api/v1/data-api/{namespace}/{slug}/jobs/{job_id}", { params: { path: { namespace: "default" } } });
  });
});
