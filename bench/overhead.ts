// Per-request overhead of the dataclients layers over raw fetch and plain openapi-fetch, with an in-memory
// fetch stub (no I/O), so only client-side work is measured. Rounds interleave the cases to spread noise.
import { bearer, createSolucao42Client } from "@dataclients/solucao42";
import createClient from "openapi-fetch";

const BODY = JSON.stringify({ actions: ["data_api:execute", "data_api:get_job"], policies: ["DataAPIConsumer"] });
const BASE = "https://api.console.solucao42.com.br";
const PATH = "/api/v1/auth/permissions";

const stubFetch = async (_input: Request | string | URL, _init?: RequestInit): Promise<Response> =>
  new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });

type Case = { name: string; run: () => Promise<unknown> };

export function overheadCases(): Case[] {
  const plain = createClient<Record<string, never>>({ baseUrl: BASE, fetch: stubFetch as typeof fetch });
  const s42 = createSolucao42Client({ auth: bearer("eyJ.bench"), fetch: stubFetch });
  return [
    {
      name: "raw fetch",
      run: async () =>
        (await stubFetch(new Request(BASE + PATH, { headers: { authorization: "Bearer eyJ.bench" } }))).json(),
    },
    {
      name: "openapi-fetch",
      run: () => (plain as unknown as typeof s42.api).GET(PATH, { headers: { authorization: "Bearer eyJ.bench" } }),
    },
    { name: "dataclients api", run: () => s42.api.GET(PATH) },
    { name: "dataclients helper", run: () => s42.permissions() },
  ];
}

export async function measure(cases: Case[], iterations: number, rounds: number): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) for (let i = 0; i < 2000; i++) await c.run(); // warm-up (JIT)
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const started = performance.now();
      for (let i = 0; i < iterations; i++) await c.run();
      samples.get(c.name)?.push(((performance.now() - started) * 1000) / iterations);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
