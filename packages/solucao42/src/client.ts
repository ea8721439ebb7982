// createSolucao42Client: every operation of the spec as a generated method, plus the Data API flow (api-key
// exchange → execute → poll) with the login and refresh handled for you. `api` is the typed openapi-fetch client;
// createSolucao42Api gives only that client, with the same option handling, for programs that need nothing else.
import {
  ApiError,
  type AuthStrategy,
  type ClientOptions,
  createVendorApi,
  createVendorClient,
  type PollOptions,
  type RequestOptions,
  type VendorApi,
  type WaitOptions,
  waitUntil,
  withFlows,
} from "@dataclients/core";
import type { Solucao42Credentials } from "./credentials.js";
import { JobFailedError, MissingPermissionError } from "./errors.js";
import { type Operations, operations, PRODUCTION_BASE_URL } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import type { Solucao42SessionAuth } from "./session.js";
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
export const DEFAULT_BASE_URL = PRODUCTION_BASE_URL as string;

export interface Solucao42ClientOptions extends Omit<ClientOptions, "auth"> {
  /** `apiKeyAuth(...)` (recommended), `passwordAuth(...)`, or any strategy such as `bearer(jwt)`. */
  auth?: Solucao42Credentials | AuthStrategy;
}

/** `executeAndWait` options: core's WaitOptions (default `waitTimeout` 10 minutes) plus the job polls' headers. */
export interface ExecuteAndWaitOptions extends WaitOptions<Job> {
  /** `poll.headers` replaces `headers` on the job polls; its cadence fields are the older spelling of the top-level ones. */
  poll?: Pick<PollOptions<Job>, "initialDelayMs" | "maxDelayMs" | "factor"> & { headers?: Record<string, string> };
}

/** A query result from either path: a sync execute (has `executed_at`) or a completed job. */
export type QueryResult = JobResult & { executed_at?: string };

const NAME = "Solucao42";

// Solucao42 has no checks of its own: core's (validation, base URL, auth binding) are the same for both factories.
const META = { name: NAME, defaultBaseUrl: DEFAULT_BASE_URL };

/**
 * Only the typed openapi-fetch client (`{ data, error, response }`, never throws) and `baseUrl`, with the same
 * options and credentials (apiKeyAuth's login and refresh included) as createSolucao42Client, but none of its
 * methods or flows in your bundle.
 */
export function createSolucao42Api(options: Solucao42ClientOptions = {}): VendorApi<paths> {
  return createVendorApi<paths>(options, META);
}

export function createSolucao42Client(options: Solucao42ClientOptions = {}) {
  const { client, core } = createVendorClient<paths, Operations>(options, {
    ...META,
    operations,
    credentialName: "credentials",
    authHint: "auth: apiKeyAuth({ companySlug, apiKey, apiSecret })",
  });
  const session = core.auth && "user" in core.auth ? (core.auth as Solucao42SessionAuth) : undefined;

  /** Re-throws a 403 as MissingPermissionError naming the permission the operation needs. */
  function orPermissionError(permission: DataApiPermission) {
    return (error: unknown): never => {
      if (error instanceof ApiError && error.status === 403) throw new MissingPermissionError(error, permission);
      throw error;
    };
  }

  /** The job id that `polling_url` names, when it stays on the configured origin and the job route; else undefined. */
  function jobIdFromPollingUrl(namespace: string, slug: string, pollingUrl?: string): string | undefined {
    if (!pollingUrl) return undefined;
    const base = new URL(client.baseUrl);
    const target = new URL(pollingUrl, `${client.baseUrl}/`);
    const basePath = base.pathname.replace(/\/+$/, "");
    const expected = `${basePath}/api/v1/data-api/${encodeURIComponent(namespace)}/${encodeURIComponent(slug)}/jobs/`;
    if (target.origin !== base.origin || !target.pathname.startsWith(expected)) return undefined;
    return decodeURIComponent(target.pathname.slice(expected.length));
  }

  async function getJob(namespace: string, slug: string, jobId: string, call: RequestOptions = {}): Promise<Job> {
    checkEndpointName(namespace, "namespace");
    checkEndpointName(slug, "slug");
    checkJobId(jobId);
    return client.getJob(namespace, slug, jobId, call).catch(orPermissionError("data_api:get_job"));
  }

  const flows = {
    /** @deprecated Use `getPermissions()` (the operation's name): the effective actions of the authenticated user. */
    permissions(call: RequestOptions = {}): Promise<PermissionsResponse> {
      return client.getPermissions(call);
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
      const answer = await client
        .executeEndpoint(namespace, slug, request, call)
        .catch(orPermissionError("data_api:execute"));
      // The two 2xx bodies tell themselves apart: a job has `job_id`, rows have `columns`.
      if ("job_id" in answer) return { mode: "async", job: answer as JobAccepted };
      const rows = answer as ExecuteResult;
      if (rows.truncated)
        options.logger?.warn?.(`[dataclients] ${namespace}/${slug}: result truncated at max_rows=${rows.max_rows}`);
      return { mode: "sync", result: rows };
    },

    /** One job's state (GET .../jobs/{job_id}): processing, completed (with result) or failed. */
    getJob,

    /**
     * Executes and returns the rows, whatever the endpoint's mode: an async job is polled (following
     * its polling_url, with backoff) until it completes. A failed job throws JobFailedError (core's rule: a
     * wait that returns a result throws when the job failed); the wait ends with PollTimeoutError after
     * `waitTimeout` (default 10 min) or AbortError on `signal`.
     */
    async executeAndWait(
      namespace: string,
      slug: string,
      request: ExecuteRequest = {},
      call: ExecuteAndWaitOptions = {},
    ): Promise<QueryResult> {
      const { waitTimeout, poll = {}, onPoll, initialDelayMs, maxDelayMs, factor, ...requestOptions } = call;
      const outcome = await flows.execute(namespace, slug, request, requestOptions);
      if (outcome.mode === "sync") return outcome.result;
      const { job_id: jobId, polling_url: pollingUrl } = outcome.job;
      const fromUrl = jobIdFromPollingUrl(namespace, slug, pollingUrl);
      const pollId = fromUrl && /^[^/?#]+$/.test(fromUrl) ? fromUrl : jobId;
      // The deprecated `poll.*` options still count where the wait's own are not given.
      const job = await waitUntil(
        (pollCall) => getJob(namespace, slug, pollId, { ...pollCall, headers: poll.headers ?? pollCall.headers }),
        (state) => state.status !== "processing",
        { ...requestOptions, waitTimeout, onPoll, initialDelayMs, maxDelayMs, factor },
        {
          waitTimeout: 600_000,
          initialDelayMs: poll.initialDelayMs,
          maxDelayMs: poll.maxDelayMs,
          factor: poll.factor,
          what: `Solucao42 job ${jobId}`,
        },
      );
      if (job.status === "failed" || !job.result) throw new JobFailedError(job);
      if (job.result.truncated) options.logger?.warn?.(`[dataclients] job ${jobId}: result truncated at max_rows`);
      return job.result;
    },

    /** The user of the token response (logs in first if needed); undefined with a plain bearer token. */
    async currentUser(call: Pick<RequestOptions, "signal"> = {}): Promise<AuthUser | undefined> {
      if (!session) return undefined;
      await session.getAccessToken(call);
      return session.user();
    },
  };
  return withFlows(client, flows);
}

export type Solucao42Client = ReturnType<typeof createSolucao42Client>;
