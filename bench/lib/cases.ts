// The four ways to make the same GET that the bench compares, for one vendor: raw fetch, plain openapi-fetch,
// the dataclients client's `api.GET`, and its generated method (plus the generated method behind the client's
// throttle, for a vendor that has one, at a rate that never makes a request wait). Each case checks its first
// answer, so a case that misses the server's path fails loudly instead of timing 404s.
import createOpenapiClient from "openapi-fetch";
import { type AnyClient, type Target, TOKEN } from "./targets.js";

export interface Case {
  vendor: string;
  name: string;
  run(): Promise<unknown>;
}

/** What the server (and the in-memory stub) answers: a small JSON object, like a GitLab project summary. */
export const ANSWER = JSON.stringify({
  id: 21816,
  name: "bench",
  path_with_namespace: "group/bench",
  default_branch: "main",
  visibility: "private",
});

export const RAW = "raw fetch";
export const PLAIN = "openapi-fetch";
export const API = "api.GET";

/** A rate far above anything one process reaches here: the throttle's bookkeeping runs, it never waits. */
export const NEVER_WAITING_RATE = 100_000;

type FetchFn = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

function idOf(value: unknown): unknown {
  return (value as { id?: unknown } | undefined)?.id;
}

export function casesFor(target: Target, origin: string, fetchImpl?: FetchFn): Case[] {
  const baseUrl = `${origin}${target.vendor.basePath}`;
  const url = `${baseUrl}${target.path}`;
  const headers = { authorization: `Bearer ${TOKEN}` };
  const doFetch: FetchFn = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const injected = fetchImpl ? { fetch: fetchImpl } : {};
  const plain = createOpenapiClient<Record<string, never>>({ baseUrl, ...injected }) as unknown as AnyClient;
  const client = target.createClient(baseUrl, injected);
  const params = { path: target.named };
  const vendor = target.vendor.dir;
  const op = target.operation;
  const cases: Case[] = [
    { vendor, name: RAW, run: async () => (await doFetch(url, { headers })).json() },
    { vendor, name: PLAIN, run: async () => (await plain.GET(target.template, { params, headers })).data },
    { vendor, name: API, run: async () => (await client.api.GET(target.template, { params })).data },
    { vendor, name: `${op}()`, run: () => client[op](...target.values) },
  ];
  if (target.throttled) {
    const throttled = target.createClient(baseUrl, { ...injected, maxRequestsPerSecond: NEVER_WAITING_RATE });
    cases.push({ vendor, name: `${op}() throttled`, run: () => throttled[op](...target.values) });
  }
  return cases;
}

/** Runs each case once and checks it got the server's object (id 21816). */
export async function checkCases(cases: readonly Case[]): Promise<void> {
  for (const c of cases) {
    const result = await c.run();
    if (idOf(result) !== 21816) {
      throw new Error(`bench: ${c.vendor} ${c.name} did not get the expected answer: ${JSON.stringify(result)}`);
    }
  }
}
