import { inspect } from "node:util";
import {
  ApiError,
  apiErrorFor,
  REDACTED,
  redactBody,
  redactHeaders,
  redactUrl,
  SECRET_FIELD_NAMES,
  SECRET_HEADER_NAMES,
} from "@dataclients/core";
import { describe, expect, it } from "vitest";

describe("redactUrl", () => {
  it.each([
    "token",
    "private_token",
    "job_token",
    "access_token",
    "refresh_token",
    "api_key",
    "api_secret",
    "password",
  ])("redacts the query value of %s", (name) => {
    expect(redactUrl(`https://h.example/p?${name}=s3cr3t&keep=1`)).toBe(
      `https://h.example/p?${name}=${REDACTED}&keep=1`,
    );
  });

  it("compares names case-insensitively and keeps other parameters", () => {
    expect(redactUrl("https://h.example/p?Private_Token=s3cr3t&per_page=20")).toBe(
      "https://h.example/p?Private_Token=[REDACTED]&per_page=20",
    );
  });

  it("redacts nested form names such as variables[token] and token[]", () => {
    const out = redactUrl("https://h.example/trigger?variables[token]=s3cr3t&variables[env]=prod&token[]=t2");
    expect(out).not.toContain("s3cr3t");
    expect(out).not.toContain("t2");
    expect(out).toContain("env%5D=prod");
    expect(new URL(out).searchParams.get("variables[token]")).toBe(REDACTED);
    expect(new URL(out).searchParams.get("token[]")).toBe(REDACTED);
  });

  it("removes userinfo", () => {
    expect(redactUrl("https://alice:hunter2@h.example/x?a=1")).toBe("https://h.example/x?a=1");
    expect(redactUrl(new URL("https://alice@h.example/"))).toBe("https://h.example/");
  });

  it("leaves a URL without secrets unchanged", () => {
    expect(redactUrl("https://h.example/api/v4/projects?page=2")).toBe("https://h.example/api/v4/projects?page=2");
  });

  it("redacts a relative or malformed URL without throwing", () => {
    expect(redactUrl("/api/v4/projects?private_token=s3cr3t&page=1")).toBe(
      "/api/v4/projects?private_token=[REDACTED]&page=1",
    );
  });
});

describe("redactHeaders", () => {
  it("replaces every secret header value and keeps the others", () => {
    const headers = new Headers({
      Authorization: "Bearer s1",
      "Private-Token": "s2",
      "X-Auth-Token": "s3",
      Cookie: "c=s4",
      "Job-Token": "s5",
      "X-Api-Key": "s6",
      Accept: "application/json",
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      "private-token": REDACTED,
      "x-auth-token": REDACTED,
      cookie: REDACTED,
      "job-token": REDACTED,
      "x-api-key": REDACTED,
      accept: "application/json",
    });
  });

  it("takes a plain object and extra secret names", () => {
    expect(redactHeaders({ "X-Session": "s1", Accept: "*/*" }, ["x-session"])).toEqual({
      "X-Session": REDACTED,
      Accept: "*/*",
    });
  });

  it("lists the documented secret names", () => {
    for (const name of ["authorization", "private-token", "x-auth-token", "cookie", "set-cookie"]) {
      expect(SECRET_HEADER_NAMES).toContain(name);
    }
    for (const name of ["token", "private_token", "job_token", "access_token", "refresh_token", "api_key"]) {
      expect(SECRET_FIELD_NAMES).toContain(name);
    }
  });
});

describe("redactBody", () => {
  it("deep-copies JSON with every secret field replaced", () => {
    const body = {
      access_token: "a",
      Refresh_Token: "b",
      data: [{ password: "c", name: "n" }, { api_secret: "d" }],
      meta: { deep: { api_key: "e", count: 3 } },
    };
    expect(redactBody(body)).toEqual({
      access_token: REDACTED,
      Refresh_Token: REDACTED,
      data: [{ password: REDACTED, name: "n" }, { api_secret: REDACTED }],
      meta: { deep: { api_key: REDACTED, count: 3 } },
    });
    expect(body.access_token).toBe("a");
  });

  it("returns primitives, null and undefined as they are", () => {
    expect(redactBody("text")).toBe("text");
    expect(redactBody(42)).toBe(42);
    expect(redactBody(null)).toBeNull();
    expect(redactBody(undefined)).toBeUndefined();
  });
});

describe("util.inspect of an error built from a response with secrets", () => {
  it("shows none of them", async () => {
    const response = new Response(
      JSON.stringify({ error: "invalid_token", access_token: "AT-98765", refresh_token: "RT-43210" }),
      {
        status: 401,
        headers: { "content-type": "application/json", "set-cookie": "sid=COOKIE-1111", "x-request-id": "rq-1" },
      },
    );
    const error = apiErrorFor({
      status: response.status,
      body: await response.json(),
      method: "GET",
      url: "https://user:PASS-2222@h.example/api?private_token=PT-3333&job_token=JT-4444&page=1",
      headers: response.headers,
    });
    expect(error).toBeInstanceOf(ApiError);
    const text = inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true });
    for (const secret of ["AT-98765", "RT-43210", "COOKIE-1111", "PASS-2222", "PT-3333", "JT-4444"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("invalid_token");
    expect(text).toContain("rq-1");
    expect(error.code).toBe("invalid_token");
  });
});
