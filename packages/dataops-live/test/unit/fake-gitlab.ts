// The GitLab v4 API as an injected fetch (test/support/fake-fetch records every request as sent), with GitLab's
// paging headers and a pipeline fixture.
import { type FakeHandler, fakeFetch, json } from "../../../../test/support/fake-fetch.js";

export { type FakeHandler, json, type SentRequest } from "../../../../test/support/fake-fetch.js";

export const BASE_URL = "https://app.dataops.live/api/v4";

export function fakeGitlab(handler: FakeHandler = () => json([])) {
  return fakeFetch(handler, { basePath: "/api/v4" });
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
