// The fault matrix as data: which client meets which fault, and the exact outcome expected — the result and
// the number of attempts the server saw, or the typed error's class, a message fragment and the attempts.
import {
  ConnectionError,
  InvalidResponseError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from "@dataclients/core";
import type { ClientKey } from "./clients.js";
import { AUTHED, BODY_TIMEOUT, fails, MID_BODY, type Outcome, ok, rowsFor } from "./outcomes.js";
import { type Fault, OK_BODY } from "./server.js";

export type { Outcome } from "./outcomes.js";

export interface Row {
  client: ClientKey;
  fault: Fault;
  expect: Outcome;
}

/** Outcomes every client built on core's buffered reads shares. */
const common: Array<[Fault, Outcome]> = [
  ["ok", ok(1, AUTHED)],
  ["reset-before-headers", fails(ConnectionError, "the connection was closed or reset before a response arrived", 3)],
  ["burst-5xx", ok(3, OK_BODY)],
  ["429-retry-after-seconds", ok(2, OK_BODY)],
  ["429-retry-after-date", ok(2, OK_BODY)],
  ["429-ratelimit-reset", ok(2, OK_BODY)],
  ["429-bare", ok(2, OK_BODY)],
  ["redirect-other-origin", ok(1, { ...OK_BODY, sawAuthorization: false })],
  ["redirect-data", fails(ConnectionError, "was redirected to a data: URL; only http(s) redirects are followed", 1)],
  ["redirect-file", fails(ConnectionError, "was redirected to a file: URL; only http(s) redirects are followed", 1)],
  ["header-echo", fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3)],
];

export const ROWS: Row[] = [
  ...rowsFor("coreGet", common),
  // openapi-fetch reads the body itself: a cut or stalled body fails once (no re-read on this path).
  { client: "coreGet", fault: "reset-after-headers", expect: fails(ConnectionError, MID_BODY, 1) },
  { client: "coreGet", fault: "truncated", expect: fails(ConnectionError, MID_BODY, 1) },
  { client: "coreGet", fault: "stall-after-headers", expect: fails(TimeoutError, BODY_TIMEOUT, 1) },
  { client: "coreGet", fault: "trickle", expect: fails(TimeoutError, BODY_TIMEOUT, 1) },
  { client: "coreGet", fault: "invalid-json", expect: fails(InvalidResponseError, "the body is not valid JSON", 1) },
  {
    client: "coreGet",
    fault: "html",
    expect: fails(InvalidResponseError, "JSON was expected and the body is text/html", 1),
  },
  { client: "coreGet", fault: "wrong-type", expect: ok(1, null) },
  { client: "coreGet", fault: "empty", expect: ok(1, undefined) },

  ...rowsFor("coreRead", common),
  // fetchAndRead re-reads an idempotent GET whose body broke off, within maxRetries (3 attempts in all).
  { client: "coreRead", fault: "reset-after-headers", expect: fails(ConnectionError, MID_BODY, 3) },
  { client: "coreRead", fault: "truncated", expect: fails(ConnectionError, MID_BODY, 3) },
  { client: "coreRead", fault: "stall-after-headers", expect: fails(TimeoutError, BODY_TIMEOUT, 3) },
  { client: "coreRead", fault: "trickle", expect: fails(TimeoutError, BODY_TIMEOUT, 3) },
  { client: "coreRead", fault: "invalid-json", expect: fails(InvalidResponseError, "the body is not valid JSON", 1) },
  {
    client: "coreRead",
    fault: "invalid-json-chunked",
    expect: fails(InvalidResponseError, "the body is not valid JSON", 1),
  },
  {
    client: "coreRead",
    fault: "html",
    expect: fails(InvalidResponseError, "JSON was expected and the body is text/html", 1),
  },
  {
    client: "coreRead",
    fault: "wrong-type",
    expect: fails(InvalidResponseError, "a JSON object was expected and it is null", 1),
  },
  {
    client: "coreRead",
    fault: "empty",
    expect: fails(InvalidResponseError, "the body is empty where JSON was expected", 1),
  },
  {
    client: "coreRead",
    fault: "huge",
    expect: fails(ResponseTooLargeError, "with a body larger than 1048576 bytes", 1),
  },

  {
    client: "coreNoBlind429",
    fault: "429-bare",
    expect: fails(RateLimitError, "failed with 429 Too Many Requests: slow down", 1),
  },
  { client: "coreNoBlind429", fault: "429-retry-after-seconds", expect: ok(2, OK_BODY) },

  // The client options maxResponseBytes and retryPolicy, set on createApiClient.
  { client: "coreGetOptions", fault: "ok", expect: ok(1, AUTHED) },
  {
    client: "coreGetOptions",
    fault: "huge",
    expect: fails(ResponseTooLargeError, "with a body larger than 1048576 bytes", 1),
  },
  {
    client: "coreGetOptions",
    fault: "429-bare",
    expect: fails(RateLimitError, "failed with 429 Too Many Requests: slow down", 1),
  },
  { client: "coreGetOptions", fault: "429-ratelimit-reset", expect: ok(2, OK_BODY) },

  // Vendors: their generated methods and helpers over the same faults.
  { client: "dataopsGetProject", fault: "ok", expect: ok(1, AUTHED) },
  { client: "dataopsGetProject", fault: "burst-5xx", expect: ok(3, OK_BODY) },
  { client: "dataopsGetProject", fault: "429-ratelimit-reset", expect: ok(2, OK_BODY) },
  {
    client: "dataopsGetProject",
    fault: "reset-before-headers",
    expect: fails(ConnectionError, "before a response arrived", 3),
  },
  // Generated methods read through fetchAndRead: a GET cut or stalled mid-body is read again.
  { client: "dataopsGetProject", fault: "stall-after-headers", expect: fails(TimeoutError, BODY_TIMEOUT, 3) },
  { client: "dataopsGetProject", fault: "reset-after-headers", expect: fails(ConnectionError, MID_BODY, 3) },
  { client: "dataopsGetProject", fault: "truncated", expect: fails(ConnectionError, MID_BODY, 3) },
  { client: "dataopsGetProject", fault: "trickle", expect: fails(TimeoutError, BODY_TIMEOUT, 3) },
  {
    client: "dataopsGetProject",
    fault: "invalid-json-chunked",
    expect: fails(InvalidResponseError, "the body is not valid JSON", 1),
  },
  { client: "dataopsGetProject", fault: "html", expect: fails(InvalidResponseError, "the body is text/html", 1) },
  {
    client: "dataopsGetProject",
    fault: "wrong-type",
    expect: fails(InvalidResponseError, "a JSON object was expected and it is null", 1),
  },
  { client: "dataopsGetProject", fault: "empty", expect: fails(InvalidResponseError, "the body is empty", 1) },
  { client: "dataopsGetProject", fault: "429-bare", expect: ok(2, OK_BODY) },
  {
    client: "dataopsGetProject",
    fault: "redirect-other-origin",
    expect: ok(1, { ...OK_BODY, sawAuthorization: false }),
  },
  {
    client: "dataopsGetProject",
    fault: "redirect-data",
    expect: fails(ConnectionError, "was redirected to a data: URL", 1),
  },
  {
    client: "dataopsGetProject",
    fault: "header-echo",
    expect: fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3),
  },
  {
    client: "dataopsGetProject",
    fault: "redirect-file",
    expect: fails(ConnectionError, "was redirected to a file: URL", 1),
  },
  { client: "solucao42Permissions", fault: "ok", expect: ok(1, AUTHED) },
  { client: "solucao42Permissions", fault: "burst-5xx", expect: ok(3, OK_BODY) },
  { client: "solucao42Permissions", fault: "stall-after-headers", expect: fails(TimeoutError, BODY_TIMEOUT, 3) },
  {
    client: "solucao42Permissions",
    fault: "invalid-json",
    expect: fails(InvalidResponseError, "the body is not valid JSON", 1),
  },
  {
    client: "solucao42Permissions",
    fault: "header-echo",
    expect: fails(ServerError, "failed with 500 Internal Server Error: upstream failed", 3),
  },
];
