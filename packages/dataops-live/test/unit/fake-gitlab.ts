// An injected fetch standing in for the GitLab v4 API: it records every request exactly as sent (URL, headers,
// raw body) and answers from a handler, so unit tests can assert on the wire format without a server.
export interface SentRequest {
  method: string;
  url: URL;
  /** The path after /api/v4, still percent-encoded as sent. */
  path: string;
  headers: Headers;
  body: string;
  formData: FormData | undefined;
}

export type FakeHandler = (request: SentRequest, index: number) => Response | Promise<Response>;

export const BASE_URL = "https://app.dataops.live/api/v4";

export function fakeGitlab(handler: FakeHandler = () => json([])) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const contentType = request.headers.get("content-type") ?? "";
    const formData = contentType.startsWith("multipart/form-data") ? await request.clone().formData() : undefined;
    const body = request.body ? await request.text() : "";
    const sent: SentRequest = {
      method: request.method,
      url,
      path: url.pathname.replace(/^\/api\/v4/, ""),
      headers: request.headers,
      body,
      formData,
    };
    requests.push(sent);
    return handler(sent, requests.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** GitLab's offset paging headers for page `page` of `pages` (totals optional, as above 10,000 records). */
export function pageHeaders(page: number, pages: number, { totals = true } = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "x-page": String(page),
    "x-per-page": "2",
    "x-next-page": page < pages ? String(page + 1) : "",
    "x-prev-page": page > 1 ? String(page - 1) : "",
  };
  if (totals) {
    headers["x-total"] = String(pages * 2);
    headers["x-total-pages"] = String(pages);
  }
  return headers;
}

export const pipeline = (status: string, id = 290) => ({
  id,
  iid: 147,
  project_id: 21816,
  sha: "50f0acb76a40e34a4ff304f7347dcc6587da8a14",
  ref: "main",
  status,
  source: "trigger",
  created_at: "2024-05-20T12:00:01.512Z",
  updated_at: "2024-05-20T12:00:02.047Z",
  web_url: `https://app.dataops.live/g/p/-/pipelines/${id}`,
});
