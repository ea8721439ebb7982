// An in-memory stand-in for the Solucao42 API, injected as `fetch`: it issues numbered tokens, checks
// them, and scripts the job states, so unit tests can assert exactly which requests the client made.
export interface FakeVendorOptions {
  accessTokenLifetime?: number;
  refreshTokenLifetime?: number;
  /** Job states returned by successive polls. */
  jobStates?: Array<"processing" | "completed" | "failed">;
  /** Status for the execute call: 200 (sync) or 202 (async). */
  executeStatus?: 200 | 202;
  pollingUrl?: string;
  rejectRefresh?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export function fakeVendor(options: FakeVendorOptions = {}) {
  const requests: RecordedRequest[] = [];
  let issued = 0;
  const valid = new Set<string>();
  const refreshTokens = new Set<string>();
  const jobStates = [...(options.jobStates ?? ["processing", "completed"])];
  const result = {
    columns: [{ name: "regiao", type: "varchar" }],
    rows: [{ regiao: "Sul", total: 150000 }],
    row_count: 1,
    truncated: false,
  };

  function tokens() {
    issued++;
    const access = `access-${issued}`;
    const refresh = `refresh-${issued}`;
    valid.add(access);
    refreshTokens.add(refresh);
    return {
      access_token: access,
      refresh_token: refresh,
      access_token_expires_in: options.accessTokenLifetime ?? 600,
      refresh_token_expires_in: options.refreshTokenLifetime ?? 604800,
      user: { id: "u1", email: "integration@acme.com.br" },
    };
  }

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", "x-request-id": `req-${requests.length}` },
    });

  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = request.body ? await request.text() : "";
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(request.url);
    requests.push({ method: request.method, url, headers: request.headers, body });
    const path = url.pathname;
    if (path === "/api/v1/auth/api-key" || path === "/api/v1/auth/login") {
      return body?.api_secret === "wrong" ? json(401, { message: "Unauthorized" }) : json(200, tokens());
    }
    if (path === "/api/v1/auth/refresh") {
      if (options.rejectRefresh || !refreshTokens.has(body?.refresh_token))
        return json(401, { message: "Unauthorized" });
      refreshTokens.delete(body.refresh_token);
      return json(200, tokens());
    }
    const auth = request.headers.get("authorization")?.replace(/^Bearer /, "");
    if (!auth || !valid.has(auth)) return json(401, { message: "Unauthorized" });
    if (path === "/api/v1/auth/permissions") return json(200, { actions: ["data_api:execute", "data_api:get_job"] });
    const execute = path.match(/^\/api\/v1\/data-api\/([^/]+)\/([^/]+)\/execute$/);
    if (execute) {
      if (options.executeStatus === 202) {
        return json(202, {
          job_id: "job-1",
          status: "processing",
          polling_url: options.pollingUrl ?? `/api/v1/data-api/${execute[1]}/${execute[2]}/jobs/job-1`,
        });
      }
      return json(200, { ...result, max_rows: 10000, executed_at: "2026-04-11T10:30:00Z" });
    }
    if (/\/jobs\/[^/]+$/.test(path)) {
      const status = jobStates.length > 1 ? jobStates.shift() : jobStates[0];
      return json(200, {
        job_id: "job-1",
        status,
        result: status === "completed" ? result : null,
        error: status === "failed" ? "column total does not exist" : null,
        created_at: "2026-04-11T10:30:00Z",
        completed_at: status === "processing" ? null : "2026-04-11T10:30:45Z",
      });
    }
    return json(404, { code: "ENDPOINT_NOT_FOUND", message: "Endpoint not found" });
  };

  return {
    fetch,
    requests,
    /** Invalidates every access token, as a server-side expiry would. */
    expireAccessTokens: () => valid.clear(),
    tokenRequests: () => requests.filter((r) => r.url.pathname.startsWith("/api/v1/auth/") && r.method === "POST"),
  };
}
