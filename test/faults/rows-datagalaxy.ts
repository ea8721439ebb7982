// DataGalaxy in the fault matrix: its generated methods, a paginator and the two seed flows over the same faults.
// DataGalaxy's own rules show here: a 429 without Retry-After is never retried and says the IP may be blocked for
// 15 minutes; one with Retry-After (or RateLimit-Reset) within the cap is retried; a POST is never replayed.
// TOKEN and TIMEOUT_MS are read only inside the calls, so a cycle through clients.ts is harmless.
import {
  ConnectionError,
  DataclientsError,
  InvalidResponseError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "@dataclients/core";
import { bearer, createDatagalaxyClient } from "@dataclients/datagalaxy";
import { type MatrixClient, TIMEOUT_MS, TOKEN } from "./clients.js";
import { AUTHED, BODY_TIMEOUT, fails, MID_BODY, ok, rowsFor } from "./outcomes.js";
import { OK_BODY } from "./server.js";

const client = (baseUrl: string) =>
  createDatagalaxyClient({ baseUrl, auth: bearer(TOKEN), timeout: TIMEOUT_MS, maxRetries: 2 });

const VERSION_ID = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c34";

export const DATAGALAXY_CLIENTS = {
  datagalaxyListWorkspaces: {
    name: "datagalaxy listWorkspaces()",
    basePath: "/v2",
    call: (baseUrl, { signal }) => client(baseUrl).listWorkspaces({ signal }),
  },
  datagalaxyListTags: {
    name: "datagalaxy listTags().toArray() (envelope paginator)",
    basePath: "/v2",
    call: (baseUrl, { signal }) => client(baseUrl).listTags({}, { signal, maxPages: 1 }).toArray(),
  },
  datagalaxyDefaultVersionId: {
    name: "datagalaxy defaultVersionId() (flow over GET /workspaces)",
    basePath: "/v2",
    call: (baseUrl, { signal }) => client(baseUrl).defaultVersionId(undefined, { signal }),
  },
  datagalaxyCreateSource: {
    name: "datagalaxy createSource(versionId, { name, type }) (POST)",
    basePath: "/v2",
    call: (baseUrl, { signal }) =>
      client(baseUrl).createSource(VERSION_ID, { name: "My NoSQL source", type: "NoSql" }, { signal }),
  },
} satisfies Record<string, MatrixClient>;

export type DatagalaxyClientKey = keyof typeof DATAGALAXY_CLIENTS;

const HINT = "The IP address may now be blocked for 15 minutes";
const NOT_ENVELOPE = "paginate: expected the page's `results` to be an array; got undefined";

export const DATAGALAXY_ROWS = [
  ...rowsFor<DatagalaxyClientKey>("datagalaxyListWorkspaces", [
    ["ok", ok(1, AUTHED)],
    ["reset-before-headers", fails(ConnectionError, "before a response arrived", 3)],
    ["burst-5xx", ok(3, OK_BODY)],
    // Retried only when the answer says when: Retry-After (seconds or a date) or RateLimit-Reset, within 60 s.
    ["429-retry-after-seconds", ok(2, OK_BODY)],
    ["429-retry-after-date", ok(2, OK_BODY)],
    ["429-ratelimit-reset", ok(2, OK_BODY)],
    ["429-bare", fails(RateLimitError, `failed with 429 Too Many Requests: slow down. ${HINT}`, 1)],
    ["stall-after-headers", fails(TimeoutError, BODY_TIMEOUT, 3)],
    ["reset-after-headers", fails(ConnectionError, MID_BODY, 3)],
    ["invalid-json", fails(InvalidResponseError, "the body is not valid JSON", 1)],
    ["html", fails(InvalidResponseError, "the body is text/html", 1)],
    ["wrong-type", fails(InvalidResponseError, "a JSON object was expected and it is null", 1)],
    ["empty", fails(InvalidResponseError, "the body is empty", 1)],
    ["redirect-other-origin", ok(1, { ...OK_BODY, sawAuthorization: false })],
    ["redirect-data", fails(ConnectionError, "was redirected to a data: URL", 1)],
    ["header-echo", fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3)],
  ]),
  ...rowsFor<DatagalaxyClientKey>("datagalaxyListTags", [
    // The fault server's body is not an envelope: the paginator says so instead of yielding nothing.
    ["ok", fails(DataclientsError, NOT_ENVELOPE, 1)],
    ["429-bare", fails(RateLimitError, HINT, 1)],
    ["429-retry-after-seconds", fails(DataclientsError, NOT_ENVELOPE, 2)],
    ["reset-before-headers", fails(ConnectionError, "before a response arrived", 3)],
    ["header-echo", fails(ServerError, "upstream failed", 3)],
  ]),
  ...rowsFor<DatagalaxyClientKey>("datagalaxyDefaultVersionId", [
    ["ok", fails(DataclientsError, "GET /workspaces answered without the `projects` list of workspaces", 1)],
    ["429-bare", fails(RateLimitError, HINT, 1)],
    ["wrong-type", fails(InvalidResponseError, "a JSON object was expected and it is null", 1)],
  ]),
  ...rowsFor<DatagalaxyClientKey>("datagalaxyCreateSource", [
    ["ok", ok(1, AUTHED)],
    // A POST is never replayed once it may have reached the server: not on 5xx, not on 429, not on a reset.
    ["burst-5xx", fails(ServerError, "failed with 503 Service Unavailable: busy", 1)],
    ["429-retry-after-seconds", fails(RateLimitError, HINT, 1)],
    ["reset-before-headers", fails(ConnectionError, "before a response arrived", 1)],
    ["header-echo", fails(ServerError, "upstream failed", 1)],
  ]),
];
