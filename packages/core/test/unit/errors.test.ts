import { inspect } from "node:util";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  apiErrorFor,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  DataclientsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from "@dataclients/core";
import { describe, expect, it } from "vitest";

const base = { body: undefined, method: "GET", url: "https://api.example.com/v1/things" };

describe("apiErrorFor", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [429, RateLimitError, "RateLimitError"],
    [500, ServerError, "ServerError"],
    [503, ServerError, "ServerError"],
  ] as const)("maps %i to %s", (status, ErrorClass, name) => {
    const error = apiErrorFor({ ...base, status });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
  });

  it.each([402, 405, 410, 418, 451])("maps the other 4xx status %i to the plain ApiError", (status) => {
    const error = apiErrorFor({ ...base, status });
    expect(error.constructor).toBe(ApiError);
    expect(error.name).toBe("ApiError");
  });

  it("keeps instanceof working across the hierarchy", () => {
    const error = apiErrorFor({ ...base, status: 404 });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(DataclientsError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ServerError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(new ConnectionError("x", "GET", "https://a")).toBeInstanceOf(DataclientsError);
    expect(new TimeoutError(5, "GET", "https://a")).toBeInstanceOf(DataclientsError);
    expect(new AbortError("x")).toBeInstanceOf(DataclientsError);
    expect(new ConfigurationError("x")).toBeInstanceOf(DataclientsError);
    expect(new ConnectionError("x", "GET", "https://a")).not.toBeInstanceOf(ApiError);
  });

  it("builds a message from method, URL, status, code and vendor message", () => {
    const error = apiErrorFor({
      status: 422,
      statusText: "Unprocessable Entity",
      body: { code: "invalid_parameter", message: "mes is required" },
      method: "POST",
      url: "https://api.example.com/v1/run",
    });
    expect(error.message).toBe(
      "POST https://api.example.com/v1/run failed with 422 Unprocessable Entity [invalid_parameter]: mes is required",
    );
    expect(error.method).toBe("POST");
    expect(error.url).toBe("https://api.example.com/v1/run");
  });
});

describe("ApiError.code", () => {
  it.each([
    [{ code: "a", error_code: "b", error: "c" }, "a"],
    [{ error_code: "b", error: "c" }, "b"],
    [{ error: "invalid_grant" }, "invalid_grant"],
    [{ message: "no code" }, undefined],
    ["plain text body", undefined],
    [undefined, undefined],
  ])("is body.code ?? body.error_code ?? body.error for %j", (body, code) => {
    expect(apiErrorFor({ ...base, status: 400, body }).code).toBe(code);
  });
});

describe("GitLab-style bodies", () => {
  it("keeps an object `message` as is on body and shows it in the message", () => {
    const body = { message: { name: ["has already been taken"], path: ["is invalid"] } };
    const error = apiErrorFor({ ...base, status: 400, body });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body).toEqual(body);
    expect(error.message).toContain('{"name":["has already been taken"],"path":["is invalid"]}');
    expect(error.code).toBeUndefined();
  });

  it("shows a string message and a text body", () => {
    expect(apiErrorFor({ ...base, status: 404, body: { message: "404 Project Not Found" } }).message).toMatch(
      /failed with 404: 404 Project Not Found$/,
    );
    expect(apiErrorFor({ ...base, status: 502, body: "  Bad gateway  " }).message).toMatch(/: Bad gateway$/);
  });
});

describe("requestId and headers", () => {
  it("reads x-request-id, falling back to request-id", () => {
    const headers = new Headers({ "x-request-id": "req-123", "content-type": "application/json" });
    const error = apiErrorFor({ ...base, status: 500, headers });
    expect(error.requestId).toBe("req-123");
    expect(error.headers["content-type"]).toBe("application/json");
    expect(apiErrorFor({ ...base, status: 500, headers: new Headers({ "request-id": "r-9" }) }).requestId).toBe("r-9");
    expect(apiErrorFor({ ...base, status: 500, headers: new Headers() }).requestId).toBeUndefined();
    expect(apiErrorFor({ ...base, status: 500 }).headers).toEqual({});
  });

  it("exposes Retry-After seconds on RateLimitError", () => {
    const error = apiErrorFor({ ...base, status: 429, headers: new Headers({ "retry-after": "7" }) });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7);
    const without = apiErrorFor({ ...base, status: 429 }) as RateLimitError;
    expect(without.retryAfter).toBeUndefined();
  });
});

describe("redaction in errors", () => {
  const secretUrl = "https://gitlab.example.com/api/v4/projects?private_token=abc-secret-1&page=2";
  const secretBody = {
    error: "invalid_grant",
    access_token: "tok-secret-2",
    nested: { refresh_token: "ref-secret-3" },
  };
  const secretHeaders = new Headers({ "set-cookie": "session=cookie-secret-4", "x-request-id": "r1" });

  function build() {
    return apiErrorFor({ status: 401, body: secretBody, method: "POST", url: secretUrl, headers: secretHeaders });
  }

  it("redacts the URL query and body fields, keeping the rest", () => {
    const error = build();
    expect(error.url).toBe("https://gitlab.example.com/api/v4/projects?private_token=[REDACTED]&page=2");
    expect(error.body).toEqual({
      error: "invalid_grant",
      access_token: "[REDACTED]",
      nested: { refresh_token: "[REDACTED]" },
    });
    expect(error.headers["set-cookie"]).toBe("[REDACTED]");
    expect(error.message).toContain("private_token=[REDACTED]");
    // The caller's object is not mutated.
    expect(secretBody.access_token).toBe("tok-secret-2");
  });

  it("shows no secret in message, stack, JSON or util.inspect", () => {
    const error = build();
    const renderings = [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 10 })];
    for (const text of renderings) {
      for (const secret of ["abc-secret-1", "tok-secret-2", "ref-secret-3", "cookie-secret-4"]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(inspect(error, { depth: 10 })).toContain("[REDACTED]");
  });

  it("redacts userinfo in the URL", () => {
    const error = apiErrorFor({ ...base, status: 403, url: "https://user:pa55word@api.example.com/x" });
    expect(error.url).toBe("https://api.example.com/x");
    expect(error.message).not.toContain("pa55word");
  });
});

describe("errors without a response", () => {
  it("TimeoutError says how long and what to do", () => {
    const error = new TimeoutError(1500, "GET", "https://api.example.com/a");
    expect(error.message).toBe(
      "GET https://api.example.com/a timed out after 1500 ms; raise `timeout` or use the vendor's async mode",
    );
    expect(error.timeoutMs).toBe(1500);
    expect(error.name).toBe("TimeoutError");
  });

  it("ConnectionError keeps its cause, method and URL", () => {
    const cause = new TypeError("fetch failed");
    const error = new ConnectionError("boom", "PUT", "https://a.example/x", { cause });
    expect(error.cause).toBe(cause);
    expect(error.method).toBe("PUT");
    expect(error.url).toBe("https://a.example/x");
    expect(error.name).toBe("ConnectionError");
  });
});
