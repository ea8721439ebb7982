import { inspect } from "node:util";
import { bearer, header } from "@dataclients/auth";
import { type AuthStrategy, ConfigurationError, createFetchWrapper } from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";
import { configError } from "../../../../test/support/catch-error.js";

const url = new URL("https://api.example.com/x");

async function applied(strategy: AuthStrategy, signal?: AbortSignal): Promise<Headers> {
  const headers = new Headers({ accept: "application/json" });
  await strategy.authenticate(headers, { url, signal });
  return headers;
}

describe("bearer", () => {
  it("sets Authorization from a static token", async () => {
    const strategy = bearer("static-token");
    expect(strategy.kind).toBe("bearer");
    expect(strategy.headerNames).toEqual(["authorization"]);
    const headers = await applied(strategy);
    expect(headers.get("authorization")).toBe("Bearer static-token");
    expect(headers.get("accept")).toBe("application/json");
    expect(strategy.onUnauthorized).toBeUndefined();
  });

  it("asks a function source on every attempt, passing the signal", async () => {
    const tokens = ["t1", "t2"];
    const source = vi.fn(async () => tokens.shift() ?? "none");
    const strategy = bearer(source);
    const controller = new AbortController();
    expect((await applied(strategy, controller.signal)).get("authorization")).toBe("Bearer t1");
    expect((await applied(strategy)).get("authorization")).toBe("Bearer t2");
    expect(source).toHaveBeenCalledTimes(2);
    expect(source.mock.calls[0]).toEqual([{ signal: controller.signal }]);
  });

  it("replays once on 401 with a function source", async () => {
    const strategy = bearer(() => "x");
    expect(strategy.onUnauthorized).toBeTypeOf("function");
    expect(await strategy.onUnauthorized?.({ sentHeaders: new Headers() })).toBe(true);
  });

  it.each([
    ["", "must be a non-empty string or a function returning one"],
    ["   ", "must be a non-empty string or a function returning one"],
    ["abc\ndef", "must not contain line breaks or NUL characters"],
    ["abc\r\ndef", "must not contain line breaks or NUL characters"],
    ["abc\u0000def", "must not contain line breaks or NUL characters"],
    [undefined, "must be a non-empty string or a function returning one"],
    [42, "must be a non-empty string or a function returning one"],
  ])("rejects %j at construction", (token, message) => {
    const error = configError(() => bearer(token as never));
    expect(error.message).toBe(`bearer(token) ${message}`);
  });

  it("does not put the rejected token in the message", () => {
    expect(configError(() => bearer("secret-part\nmore")).message).not.toContain("secret-part");
  });

  it("rejects an empty value from a function source when used", async () => {
    const error = await applied(bearer(() => " ")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe("bearer(token): the token provider returned an empty value");
  });

  it("rejects a provider value with a line break without echoing it", async () => {
    const error = await applied(bearer(async () => "leaked-secret\r\nx: y")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain("leaked-secret");
    expect((error as Error).message).toContain("bearer(token)");
  });
});

describe("header", () => {
  it.each([
    ["private-token", "glpat-123"],
    ["x-auth-token", "key-456"],
  ])("sets %s from a static value", async (name, value) => {
    const strategy = header(name, value);
    expect(strategy.kind).toBe(`header ${name}`);
    expect(strategy.headerNames).toEqual([name]);
    expect((await applied(strategy)).get(name)).toBe(value);
    expect(strategy.onUnauthorized).toBeUndefined();
  });

  it("lower-cases the header name it reports and writes", async () => {
    const strategy = header("Private-Token", "v");
    expect(strategy.headerNames).toEqual(["private-token"]);
    expect(strategy.kind).toBe("header private-token");
    expect((await applied(strategy)).get("private-token")).toBe("v");
  });

  it("takes a function source and replays once on 401", async () => {
    let n = 0;
    const strategy = header("x-auth-token", async () => `v${++n}`);
    expect((await applied(strategy)).get("x-auth-token")).toBe("v1");
    expect((await applied(strategy)).get("x-auth-token")).toBe("v2");
    expect(await strategy.onUnauthorized?.({ sentHeaders: new Headers() })).toBe(true);
  });

  it.each(["", "bad name", "x:y", "naïve", "a\nb"])("rejects the header name %j", (name) => {
    expect(configError(() => header(name, "v")).message).toMatch(/is not a valid HTTP header name$/);
  });

  it.each([
    ["", "must be a non-empty string or a function returning one"],
    [" \t ", "must be a non-empty string or a function returning one"],
    ["a\nb", "must not contain line breaks or NUL characters"],
  ])("rejects the value %j at construction", (value, message) => {
    expect(configError(() => header("private-token", value)).message).toBe(`header("private-token", value) ${message}`);
  });
});

describe("no secret in descriptions", () => {
  const cases: Array<[string, AuthStrategy, string]> = [
    ["bearer", bearer("bearer-secret-1"), "bearer-secret-1"],
    ["bearer fn", bearer(() => "bearer-secret-2"), "bearer-secret-2"],
    ["header", header("private-token", "pat-secret-3"), "pat-secret-3"],
    ["header fn", header("x-auth-token", async () => "xat-secret-4"), "xat-secret-4"],
  ];

  it.each(cases)("%s: inspect, JSON.stringify and String contain no secret", async (_name, strategy, secret) => {
    await applied(strategy);
    const renderings = [
      inspect(strategy, { depth: 10, showHidden: true }),
      JSON.stringify(strategy),
      String(strategy),
      `${strategy}`,
      JSON.stringify({ auth: strategy }),
    ];
    for (const text of renderings) expect(text).not.toContain(secret);
    expect(String(strategy)).toMatch(/^\[AuthStrategy (bearer|header [a-z-]+)\]$/);
    expect(inspect(strategy)).toBe(String(strategy));
    expect(JSON.stringify(strategy)).toBe(JSON.stringify(String(strategy)));
  });
});

describe("strategies in the fetch wrapper", () => {
  it("bearer with a function source replays a 401 with the next token", async () => {
    const sent: Array<string | null> = [];
    let n = 0;
    const wrapper = createFetchWrapper({
      origin: "https://api.example.com",
      auth: bearer(() => `tok-${++n}`),
      timeout: 1000,
      maxRetries: 0,
      fetch: (async (_u: unknown, init: RequestInit) => {
        const auth = new Headers(init.headers).get("authorization");
        sent.push(auth);
        return new Response(null, { status: auth === "Bearer tok-2" ? 200 : 401 });
      }) as typeof fetch,
    });
    expect((await wrapper.fetch("https://api.example.com/me")).status).toBe(200);
    expect(sent).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("a static header token surfaces the 401 without a replay", async () => {
    let calls = 0;
    const wrapper = createFetchWrapper({
      origin: "https://api.example.com",
      auth: header("private-token", "pat"),
      timeout: 1000,
      maxRetries: 0,
      fetch: (async () => {
        calls++;
        return new Response(null, { status: 401 });
      }) as typeof fetch,
    });
    expect((await wrapper.fetch("https://api.example.com/me")).status).toBe(401);
    expect(calls).toBe(1);
  });
});
