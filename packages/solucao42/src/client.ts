// createSolucao42Client: the Data API flow (api-key exchange → execute → poll) with the login and
// refresh handled for you. `api` is the typed openapi-fetch client for everything else.
import {
  ApiError,
  type AuthStrategy,
  type ClientOptions,
  ConfigurationError,
  createApiClient,
  type PollOptions,
  pollUntil,
  type RequestOptions,
  unwrap,
} from "@dataclients/core";
import { isSolucao42Credentials, type Solucao42Credentials } from "./credentials.js";
import { JobFailedError, MissingPermissionError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { bindCredentials } from "./session.js";
import type {
  AuthUser,
  DataApiPermission,
  ExecuteOutcome,
  ExecuteRequest,
  ExecuteResult,
  Job,
  JobAccepted,
  JobResult,
  PermissionsResponse,
} from "./types.js";
import { checkCallbackUrl, checkEndpointName, checkJobId } from "./validate.js";

/** The documented production base URL. */
export const DEFAULT_BASE_URL = "https://api.console.solucao42.com.br";

export interface Solucao42ClientOptions extends Omit<ClientOptions, "auth"> {
  /** `apiKeyAuth(...)` (recommended), `passwordAuth(...)`, or any strategy such as `bearer(jwt)`. */
  auth?: Solucao42Credentials | AuthStrategy;
}

export interface ExecuteAndWaitOptions extends RequestOptions {
  /** Overall limit for the whole wait, in ms (the per-request limit is `timeout`). Default 10 minutes. */
  waitTimeout?: number;
  /** Polling cadence and headers; `poll.headers` replaces `headers` on the job polls. */
  poll?: Pick<PollOptions<Job>, "initialDelayMs" | "maxDelayMs" | "factor"> & { headers?: Record<string, string> };
  /** Called with each polled job state. */
  onPoll?: (job: Job) => void;
}

/** A query result from either path: a sync execute (has `executed_at`) or a completed job. */
export type QueryResult = JobResult & { executed_at?: string };

type JobPath = "/api/v1/data-api/{namespace}/{slug}/jobs/{job_id}";
const NAME = "Solucao42";

export function createSolucao42Client(options: Solucao42ClientOptions = {}) {
  const { auth, ...rest } = options;
  const meta = { name: NAME, defaultBaseUrl: DEFAULT_BASE_URL };
  let session: ReturnType<typeof bindCredentials> | undefined;
  let strategy: AuthStrategy | undefined;
  if (isSolucao42Credentials(auth)) {
    session = bindCredentials(auth, createApiClient<paths>(rest, meta));
    strategy = session.auth;
  } else if (auth !== undefined) {
    strategy = auth;
  }
  const core = createApiClient<paths>({ ...rest, auth: strategy }, meta);
  const { api } = core;

  function requireAuth(operation: string): void {
    if (!strategy) {
      throw new ConfigurationError(
        `${NAME}: ${operation} needs credentials; pass auth: apiKeyAuth({ companySlug, apiKey, apiSecret })`,
      );
    }
  }

  /** Re-throws a 403 as MissingPermissionError naming the permission the operation needs. */
  function orPermissionError(permission: DataApiPermission) {
    return (error: unknown): never => {
      if (error instanceof ApiError && error.status === 403) throw new MissingPermissionError(error, permission);
      throw error;
    };
  }

  async function getJobAt(path: string, call: RequestOptions): Promise<Job> {
    // `path` is concrete (no {placeholders}), so openapi-fetch sends it as is; typed as the job route.
    const result = await api.GET(path as JobPath, {
      params: { path: { namespace: "", slug: "", job_id: "" } },
      ...core.requestInit(call),
    });
    return unwrap(result);
  }

  /** The job's path: `polling_url` when it stays on the configured origin, else built from job_id. */
  function jobPath(namespace: string, slug: string, jobId: string, pollingUrl?: string): string {
    const fallback = `/api/v1/data-api/${namespace}/${slug}/jobs/${encodeURIComponent(jobId)}`;
    if (!pollingUrl) return fallback;
    const base = new URL(core.baseUrl);
    const target = new URL(pollingUrl, `${core.baseUrl}/`);
    const basePath = base.pathname.replace(/\/+$/, "");
    if (target.origin !== base.origin || !target.pathname.startsWith(`${basePath}/`)) return fallback;
    return target.pathname.slice(basePath.length) + target.search;
  }

  const client = {
    /** The typed openapi-fetch client for every operation: `{ data, error, response }`, never throws. */
    api,
    /** The resolved base URL. */
    baseUrl: core.baseUrl,

    /** The effective actions of the authenticated user (GET /api/v1/auth/permissions). */
    async permissions(call: RequestOptions = {}): Promise<PermissionsResponse> {
      requireAuth("permissions()");
      return unwrap(await api.GET("/api/v1/auth/permissions", core.requestInit(call)));
    },

    /**
     * Executes a visualization endpoint. Sync endpoints answer with the rows (`mode: "sync"`), async
     * ones with a job to poll (`mode: "async"`); the mode is configured per endpoint in the console.
     */
    async execute(
      namespace: string,
      slug: string,
      request: ExecuteRequest = {},
      call: RequestOptions = {},
    ): Promise<ExecuteOutcome> {
      checkEndpointName(namespace, "namespace");
      checkEndpointName(slug, "slug");
      checkCallbackUrl(request.callback_url);
      requireAuth("execute()");
      const result = await api
        .POST("/api/v1/data-api/{namespace}/{slug}/execute", {
          params: { path: { namespace, slug } },
          body: request,
          ...core.requestInit(call),
        })
        .then((r) => ({ data: unwrap(r), status: r.response.status }))
        .catch(orPermissionError("data_api:execute"));
      // openapi-fetch types `data` as the union of the 2xx bodies; the status tells which one arrived.
      if (result.status === 202) return { mode: "async", job: result.data as JobAccepted };
      const rows = result.data as ExecuteResult;
      if (rows.truncated)
        options.logger?.warn?.(`[dataclients] ${namespace}/${slug}: result truncated at max_rows=${rows.max_rows}`);
      return { mode: "sync", result: rows };
    },

    /** One job's state (GET .../jobs/{job_id}): processing, completed (with result) or failed. */
    async getJob(namespace: string, slug: string, jobId: string, call: RequestOptions = {}): Promise<Job> {
      checkEndpointName(namespace, "namespace");
      checkEndpointName(slug, "slug");
      checkJobId(jobId);
      requireAuth("getJob()");
      return getJobAt(jobPath(namespace, slug, jobId), call).catch(orPermissionError("data_api:get_job"));
    },

    /**
     * Executes and returns the rows, whatever the endpoint's mode: an async job is polled (following
     * its polling_url, with backoff) until it completes. A failed job throws JobFailedError; the wait
     * ends with PollTimeoutError after `waitTimeout` (default 10 min) or AbortError on `signal`.
     */
    async executeAndWait(
      namespace: string,
      slug: string,
      request: ExecuteRequest = {},
      call: ExecuteAndWaitOptions = {},
    ): Promise<QueryResult> {
      const { waitTimeout = 600_000, poll = {}, onPoll, ...requestOptions } = call;
      const outcome = await client.execute(namespace, slug, request, requestOptions);
      if (outcome.mode === "sync") return outcome.result;
      const { job_id: jobId, polling_url: pollingUrl } = outcome.job;
      const path = jobPath(namespace, slug, jobId, pollingUrl);
      const pollCall = { ...requestOptions, headers: poll.headers ?? requestOptions.headers };
      const job = await pollUntil(
        (signal) => getJobAt(path, { ...pollCall, signal }).catch(orPermissionError("data_api:get_job")),
        (state) => state.status !== "processing",
        { ...poll, timeout: waitTimeout, signal: call.signal, onPoll, what: `Solucao42 job ${jobId}` },
      );
      if (job.status === "failed" || !job.result) throw new JobFailedError(job);
      if (job.result.truncated) options.logger?.warn?.(`[dataclients] job ${jobId}: result truncated at max_rows`);
      return job.result;
    },

    /** The user of the token response (logs in first if needed); undefined with a plain bearer token. */
    async currentUser(call: Pick<RequestOptions, "signal"> = {}): Promise<AuthUser | undefined> {
      if (!session) return undefined;
      await session.auth.getAccessToken(call);
      return session.user();
    },
  };
  return client;
}

export type Solucao42Client = ReturnType<typeof createSolucao42Client>;
