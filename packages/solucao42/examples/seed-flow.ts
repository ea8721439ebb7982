// The seed's documented flow ("Consuming Endpoints via the Data API"), run by `pnpm demo` against the
// mock through the built package. Prism is stateless: the async path is chosen with `Prefer: code=202`,
// and the job's default example is the completed one.
import { apiKeyAuth, createSolucao42Client } from "@dataclients/solucao42";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const s42 = createSolucao42Client({
    baseUrl,
    auth: apiKeyAuth({ companySlug: "acme", apiKey: "s42_xxxxxxxxx", apiSecret: "xxxxxxxxx" }),
  });

  await step("Step 1: exchange api_key + api_secret for JWT tokens", async () => {
    const user = await s42.currentUser();
    return `logged in; token user: ${JSON.stringify(user)}`;
  });

  await step("Effective permissions (GET /api/v1/auth/permissions)", async () => {
    const { actions } = await s42.permissions();
    return actions.join(", ");
  });

  await step("Step 2: execute default/vendas-por-regiao (sync)", async () => {
    const outcome = await s42.execute("default", "vendas-por-regiao", {
      parameter_values: { data_inicio: "2026-01-01", regiao: "Sul" },
    });
    if (outcome.mode !== "sync") throw new Error(`expected a sync result, got ${outcome.mode}`);
    const { columns, rows, row_count, truncated, max_rows } = outcome.result;
    return `${row_count} row(s), columns ${columns.map((c) => `${c.name}:${c.type}`).join(", ")}; first row ${JSON.stringify(rows[0])}; truncated=${truncated} (max_rows ${max_rows})`;
  });

  let jobId = "";
  await step("Step 2 (alternative): execute default/relatorio-mensal (async → 202)", async () => {
    const outcome = await s42.execute(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      { headers: { Prefer: "code=202" } },
    );
    if (outcome.mode !== "async") throw new Error(`expected an accepted job, got ${outcome.mode}`);
    jobId = outcome.job.job_id;
    return `job ${jobId} is ${outcome.job.status}; polling_url ${outcome.job.polling_url}`;
  });

  await step("Step 3: poll the job until it completes (executeAndWait)", async () => {
    const states: string[] = [];
    const result = await s42.executeAndWait(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      { headers: { Prefer: "code=202" }, poll: { headers: {} }, onPoll: (job) => states.push(job.status) },
    );
    return `job ${jobId}: ${states.join(" → ")}; ${result.row_count} row(s), truncated=${result.truncated}`;
  });
}
