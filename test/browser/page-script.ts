// Runs inside Chromium (bundled by harness.ts from the packages' sources). Each check drives the clients
// against the run's mocks and returns plain values; test/browser/clients.test.ts asserts them.
import {
  AbortError,
  ConnectionError,
  createDataopsLiveClient,
  privateToken,
  readPageHeaders,
} from "@dataclients/dataops-live";
import { apiKeyAuth, createSolucao42Client, NotFoundError } from "@dataclients/solucao42";

export interface PageMocks {
  solucao42: string;
  "dataops-live": string;
  /** A base URL on the page's own server that answers 302 to the dataops-live mock. */
  redirectingDataopsLive: string;
}

const TRIGGER_TOKEN = "6d056f63e50fe6f8c5f8f4aa10edb7";
const s42Credentials = { companySlug: "acme", apiKey: "s42_xxxxxxxxx", apiSecret: "xxxxxxxxx" };
const prefer = (value: string) => ({ headers: { Prefer: value } });

/** A fetch that records what the client sent before passing it on. */
function recordingFetch() {
  const sent: Array<{ method: string; path: string; headers: Headers; body: string }> = [];
  const fetch = (async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      headers: new Headers(request.headers),
      body: await request.clone().text(),
    });
    return globalThis.fetch(request);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** What a thrown error is, as plain values (classes do not cross page.evaluate). */
async function thrown(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    const e = error as { name?: string; message?: string; status?: number; code?: string };
    return {
      name: e.name,
      message: e.message,
      status: e.status,
      code: e.code,
      isNotFoundError: error instanceof NotFoundError,
      isAbortError: error instanceof AbortError,
      isConnectionError: error instanceof ConnectionError,
    };
  }
  throw new Error("expected the call to throw, it returned");
}

const s42 = (mocks: PageMocks, fetch?: typeof globalThis.fetch) =>
  createSolucao42Client({
    baseUrl: mocks.solucao42,
    auth: apiKeyAuth(s42Credentials),
    maxRetries: 0,
    ...(fetch ? { fetch } : {}),
  });
const dol = (mocks: PageMocks, fetch?: typeof globalThis.fetch) =>
  createDataopsLiveClient({
    baseUrl: mocks["dataops-live"],
    auth: privateToken("glpat-browser-test-token"),
    maxRetries: 0,
    ...(fetch ? { fetch } : {}),
  });

export const checks = {
  async "solucao42 login and permissions"(mocks: PageMocks) {
    const recorder = recordingFetch();
    const client = s42(mocks, recorder.fetch);
    const first = await client.permissions();
    const second = await client.permissions();
    return {
      actions: first.actions,
      sameActionsTwice: JSON.stringify(first) === JSON.stringify(second),
      requests: recorder.sent.map((r) => `${r.method} ${r.path}`),
      bearerOnPermissions: recorder.sent.slice(1).map((r) => /^Bearer \S+$/.test(r.headers.get("authorization") ?? "")),
      apiKeyOnlyInLogin: recorder.sent.map((r) => r.body.includes(s42Credentials.apiKey)),
    };
  },

  async "solucao42 sync execute"(mocks: PageMocks) {
    const outcome = await s42(mocks).execute("default", "vendas-por-regiao", { parameter_values: { regiao: "Sul" } });
    return { mode: outcome.mode, rows: outcome.mode === "sync" ? outcome.result.rows : null };
  },

  async "solucao42 async execute"(mocks: PageMocks) {
    const outcome = await s42(mocks).execute(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      prefer("code=202"),
    );
    return outcome.mode === "async"
      ? { mode: outcome.mode, jobId: outcome.job.job_id, status: outcome.job.status }
      : { mode: outcome.mode };
  },

  async "solucao42 executeAndWait"(mocks: PageMocks) {
    const polled: string[] = [];
    const result = await s42(mocks).executeAndWait(
      "default",
      "relatorio-mensal",
      { parameter_values: { mes: "2026-03" } },
      { ...prefer("code=202"), poll: { headers: {}, initialDelayMs: 10 }, onPoll: (job) => polled.push(job.status) },
    );
    return { polled, rowCount: result.row_count, truncated: result.truncated, firstRow: result.rows[0] };
  },

  async "solucao42 404"(mocks: PageMocks) {
    return thrown(() => s42(mocks).execute("default", "vendas-por-regiao", {}, prefer("code=404")));
  },

  async "solucao42 aborted signal"(mocks: PageMocks) {
    const controller = new AbortController();
    controller.abort(new Error("user gave up"));
    return thrown(() => s42(mocks).permissions({ signal: controller.signal }));
  },

  async "dataops-live listProjects over 3 pages"(mocks: PageMocks) {
    const client = dol(mocks);
    const pages: Array<{ index: number; items: number; xPage: number | null; nextPage: number | null }> = [];
    for await (const page of client.listProjects().pages()) {
      const headers = readPageHeaders(page.response?.headers ?? new Headers());
      pages.push({
        index: page.index,
        items: page.items.length,
        xPage: headers.page ?? null,
        nextPage: headers.nextPage ?? null,
      });
    }
    const items = await client.listProjects().toArray();
    return { pages, itemIds: items.map((p) => p.id) };
  },

  async "dataops-live triggerPipeline"(mocks: PageMocks) {
    const recorder = recordingFetch();
    const trigger = { token: TRIGGER_TOKEN, ref: "main", variables: { _PIPELINE_FILE_NAME: "full-ci.yml" } };
    // The authenticated client must not send its access token with a trigger …
    const pipeline = await dol(mocks, recorder.fetch).triggerPipeline(21816, trigger);
    // … and an anonymous client can trigger with the trigger token alone.
    const anonymous = await createDataopsLiveClient({
      baseUrl: mocks["dataops-live"],
      maxRetries: 0,
    }).triggerPipeline(21816, trigger);
    const [sent] = recorder.sent;
    return {
      id: pipeline.id,
      source: pipeline.source,
      anonymousId: anonymous.id,
      request: sent && `${sent.method} ${sent.path}`,
      privateTokenHeader: sent?.headers.get("private-token") ?? null,
      authorizationHeader: sent?.headers.get("authorization") ?? null,
      body: sent ? (JSON.parse(sent.body) as Record<string, unknown>) : null,
      triggerTokenInBody: sent ? (JSON.parse(sent.body) as { token?: string }).token === TRIGGER_TOKEN : false,
    };
  },

  async "dataops-live waitForPipeline"(mocks: PageMocks) {
    const polled: string[] = [];
    const pipeline = await dol(mocks).waitForPipeline(21816, 290, {
      initialDelayMs: 10,
      onPoll: (p) => polled.push(p.status),
    });
    return { id: pipeline.id, status: pipeline.status, polled };
  },

  async "dataops-live job trace"(mocks: PageMocks) {
    const client = dol(mocks);
    const text = await client.getJobTraceText(21816, 8);
    const download = await client.getJobTrace(21816, 8);
    const isReadableStream = download.stream instanceof ReadableStream;
    const streamed = new TextDecoder().decode(await download.bytes());
    return { firstLine: text.split("\n")[0], isReadableStream, sameAsStreamed: streamed === text };
  },

  async "dataops-live anonymous GET /namespaces"(mocks: PageMocks) {
    const anonymous = createDataopsLiveClient({ baseUrl: mocks["dataops-live"], maxRetries: 0 });
    const { response, error } = await anonymous.api.GET("/namespaces");
    return { status: response.status, error };
  },

  async "dataops-live abort during waitForPipeline"(mocks: PageMocks) {
    const controller = new AbortController();
    let polls = 0;
    setTimeout(() => controller.abort(), 200);
    const error = await thrown(() =>
      dol(mocks).waitForPipeline(21816, 290, {
        ...prefer("example=running"),
        initialDelayMs: 20,
        maxDelayMs: 50,
        signal: controller.signal,
        onPoll: () => polls++,
      }),
    );
    return { ...error, polls };
  },

  async "dataops-live redirected download"(mocks: PageMocks) {
    const base = { baseUrl: mocks.redirectingDataopsLive, maxRetries: 0 };
    // With credentials the browser would hide where the redirect goes, so the client refuses to follow it …
    const withToken = await thrown(() =>
      createDataopsLiveClient({ ...base, auth: privateToken("glpat-browser-test-token") }).downloadJobArtifacts(
        21816,
        8,
      ),
    );
    // … and without them it follows the redirect to the mock.
    const download = await createDataopsLiveClient(base).downloadJobArtifacts(21816, 8);
    return {
      withToken,
      anonymous: {
        filename: download.filename,
        bytes: (await download.bytes()).byteLength,
        redirected: download.response.redirected,
      },
    };
  },
};

export type CheckName = keyof typeof checks;
export type CheckResult<N extends CheckName> = Awaited<ReturnType<(typeof checks)[N]>>;

declare global {
  interface Window {
    /** Set by the bundle once loaded: runs one check in the page. */
    dataclientsChecks?: { run(name: CheckName, mocks: PageMocks): Promise<unknown> };
  }
}

window.dataclientsChecks = { run: (name, mocks) => checks[name](mocks) };
