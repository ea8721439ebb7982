import { describe, expect, it } from "vitest";
import { apiErrorAnswer, declaredApiError, readApiErrorPreference } from "../../scripts/lib/api-error.js";

describe("readApiErrorPreference", () => {
  it("is none without a Prefer header or without the api-error preference", () => {
    expect(readApiErrorPreference(undefined)).toEqual({ kind: "none" });
    expect(readApiErrorPreference("code=404")).toEqual({ kind: "none" });
  });

  it("percent-decodes the text and keeps the other preferences for Prism", () => {
    expect(readApiErrorPreference("api-error=Not%20found%2C%20really")).toEqual({
      kind: "api-error",
      text: "Not found, really",
    });
    expect(readApiErrorPreference("code=200, API-Error=x%3By , example=big")).toEqual({
      kind: "api-error",
      text: "x;y",
      prefer: "code=200, example=big",
    });
    expect(readApiErrorPreference(["code=200", "api-error=a"])).toEqual({
      kind: "api-error",
      text: "a",
      prefer: "code=200",
    });
  });

  it("accepts a quoted string, which may hold commas", () => {
    expect(readApiErrorPreference('api-error="Table \\"x\\", gone"; lang=en, code=200')).toEqual({
      kind: "api-error",
      text: 'Table "x", gone',
      prefer: "code=200",
    });
  });

  it("reads a bare api-error as the spec's declared answer", () => {
    expect(readApiErrorPreference("api-error, code=200")).toEqual({ kind: "api-error", prefer: "code=200" });
    expect(readApiErrorPreference("api-error;x=y")).toEqual({ kind: "api-error" });
  });

  it("refuses an empty text, bad percent-encoding and text that cannot be a header value", () => {
    expect(readApiErrorPreference("api-error=")).toMatchObject({ kind: "invalid" });
    expect(readApiErrorPreference("api-error=50%")).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("%25"),
    });
    expect(readApiErrorPreference("api-error=a%0Ab")).toMatchObject({ kind: "invalid" });
    expect(readApiErrorPreference("api-error=%E2%9C%93")).toMatchObject({ kind: "invalid" });
  });
});

describe("apiErrorAnswer", () => {
  const declared = declaredApiError({
    "x-dataclients-mock": { "api-error": { header: "api-error", value: "true", body: "ApiError: gone", status: 200 } },
  });

  it("sends the text as header and body, or for a bare preference what the spec declares", () => {
    expect(apiErrorAnswer("Boom", undefined)).toEqual({
      header: "api-error",
      headerValue: "Boom",
      contentType: "text/plain; charset=utf-8",
      body: "Boom",
    });
    expect(apiErrorAnswer(undefined, declared)).toEqual({
      header: "api-error",
      headerValue: "true",
      contentType: "text/plain; charset=utf-8",
      body: "ApiError: gone",
    });
    expect(apiErrorAnswer(undefined, undefined)).toMatch(/needs a text.*declares no x-dataclients-mock.api-error/);
    expect(declaredApiError({})).toBeUndefined();
  });
});
