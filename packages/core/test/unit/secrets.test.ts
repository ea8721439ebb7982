// Redaction by value: credentials the wrapper sent never come back in an error, whatever the field is called.
import { inspect } from "node:util";
import { bearer, createSession, header } from "@dataclients/auth";
import {
  type AuthStrategy,
  ConfigurationError,
  createApiClient,
  createFetchWrapper,
  ServerError,
  scrubString,
  secretFormsOf,
  throwOnError,
  unwrap,
} from "@dataclients/core";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://api.example.com";

/** A server that answers 500 and echoes every request header, in JSON and as text. */
function echoFetch(format: "json" | "text") {
  return (async (_u: unknown, init: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init.headers));
    const body =
      format === "json"
        ? JSON.stringify({ message: `upstream rejected ${JSON.stringify(headers)}`, echo: { sent: headers } })
        : `<pre>${Object.entries(headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n")}</pre>`;
    return new Response(body, {
      status: 500,
      headers: {
        "content-type": format === "json" ? "application/json" : "text/html",
        "x-echo": JSON.stringify(headers),
      },
    });
  }) as typeof fetch;
}

function renderings(error: unknown): string {
  return [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join("\n");
}

const strategies: Array<[string, () => AuthStrategy, string]> = [
  ["bearer", () => bearer("bearer-SECRET-1234"), "bearer-SECRET-1234"],
  [
    "header x-vendor-key (a name core does not know)",
    () => header("x-vendor-key", "vendor-SECRET-5678"),
    "vendor-SECRET-5678",
  ],
  [
    "session",
    () =>
      createSession({ login: async () => ({ accessToken: "session-SECRET-9", refreshToken: "refresh-SECRET-10" }) }),
    "session-SECRET-9",
  ],
];

describe.each(strategies)("a 5xx body that echoes the request headers (%s)", (_name, makeAuth, secret) => {
  it.each(["json", "text"] as const)(
    "is scrubbed from body, message, headers and inspect (%s body)",
    async (format) => {
      const w = createFetchWrapper({
        origin: ORIGIN,
        fetch: echoFetch(format),
        auth: makeAuth(),
        timeout: 1_000,
        maxRetries: 0,
      });
      const api = createClient<Record<string, never>>({ baseUrl: ORIGIN, fetch: w.fetch as typeof fetch });
      // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
      const result = await (api as any).GET("/things");
      const error = (() => {
        try {
          unwrap(result);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ServerError);
      const text = renderings(error);
      expect(text).not.toContain(secret);
      expect(text).toContain("[REDACTED]");
      // The rest of the echo survives: only the secret goes.
      expect(text).toContain(format === "json" ? "upstream rejected" : "<pre>");
    },
  );
});

describe("scrubbing", () => {
  it("covers the refresh token a session holds (never sent in a header)", async () => {
    const session = createSession({
      login: async () => ({ accessToken: "acc-SECRET-1", refreshToken: "ref-SECRET-2" }),
    });
    const w = createFetchWrapper({
      origin: ORIGIN,
      auth: session,
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () =>
        new Response('{"message":"your refresh token ref-SECRET-2 is odd"}', { status: 500 })) as typeof fetch,
    });
    const api = createClient<Record<string, never>>({ baseUrl: ORIGIN, fetch: w.fetch as typeof fetch });
    api.use(throwOnError());
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    const error = await (api as any).GET("/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(renderings(error)).not.toContain("ref-SECRET-2");
  });

  it("covers secretValues given with a call (a login's api key in the body)", async () => {
    const client = createApiClient<Record<string, never>>(
      {
        baseUrl: ORIGIN,
        maxRetries: 0,
        fetch: (async () => new Response("invalid api_key: key-SECRET-77", { status: 503 })) as typeof fetch,
      },
      { name: "Vendor" },
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    const result = await (client.api as any).POST("/login", {
      body: { key: "key-SECRET-77" },
      ...client.requestInit({ secretValues: ["key-SECRET-77"] }),
    });
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e;
      }
    })();
    expect(renderings(error)).not.toContain("key-SECRET-77");
  });

  it("knows the token part of a scheme and both halves of Basic", () => {
    const basic = `Basic ${btoa("alice:pa55-word")}`;
    expect(secretFormsOf(basic)).toEqual([basic, btoa("alice:pa55-word"), "alice:pa55-word", "pa55-word"]);
    expect(secretFormsOf("Bearer abcd1234")).toEqual(["Bearer abcd1234", "abcd1234"]);
    expect(scrubString("x Bearer abcd1234 y abcd1234", secretFormsOf("Bearer abcd1234"))).toBe(
      "x [REDACTED] y [REDACTED]",
    );
    // Too short to scrub by value without mangling text (still redacted by name).
    expect(scrubString("a t b", ["t"])).toBe("a t b");
  });
});

describe("header values that cannot be sent", () => {
  it.each([
    ["a line break", "v\r\nx-evil: 1"],
    ["a character above U+00FF", "caf€-SECRET"],
    ["NUL", "a\u0000b"],
  ])("a per-call header with %s is a ConfigurationError naming the header, not the value", async (_what, value) => {
    const w = createFetchWrapper({
      origin: ORIGIN,
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () => new Response("")) as typeof fetch,
    });
    const error = await w
      .withOptions({ headers: { "x-trace": value } })(`${ORIGIN}/x`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('header "x-trace"');
    expect((error as Error).message).not.toContain(value);
    expect(renderings(error)).not.toContain("SECRET");
  });

  it("request headers given as a record or as pairs are checked before the platform quotes them", async () => {
    const w = createFetchWrapper({
      origin: ORIGIN,
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () => new Response("")) as typeof fetch,
    });
    for (const headers of [{ "x-key": "pair-SECRET\r\n" }, [["x-key", "pair-SECRET\r\n"]] as [string, string][]]) {
      const error = await w.fetch(`${ORIGIN}/x`, { headers }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toBe(
        'request `headers`: the value of header "x-key" contains a line break or NUL character',
      );
    }
  });

  it("requestInit and the client's headers are checked the same way", () => {
    const client = createApiClient({ baseUrl: ORIGIN }, { name: "Vendor" });
    expect(() => client.requestInit({ headers: { prefer: "code=200\n" } })).toThrow(
      /header "prefer" contains a line break/,
    );
    expect(() => createApiClient({ baseUrl: ORIGIN, headers: { "x-k": "ключ" } }, { name: "Vendor" })).toThrow(
      /Vendor: `headers`: the value of header "x-k" contains a character above U\+00FF/,
    );
  });

  it("a strategy that sets a bad value gets a ConfigurationError, not the platform's TypeError quoting it", async () => {
    const auth: AuthStrategy = {
      kind: "custom",
      headerNames: ["x-key"],
      authenticate: (headers) => headers.set("x-key", "bad-SECRET\nvalue"),
    };
    const w = createFetchWrapper({
      origin: ORIGIN,
      auth,
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () => new Response("")) as typeof fetch,
    });
    const error = await w.fetch(`${ORIGIN}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('auth strategy "custom"');
    expect(renderings(error)).not.toContain("bad-SECRET");
  });

  it("a token above U+00FF is refused by name", async () => {
    expect(() => bearer("tøken-€")).toThrow(ConfigurationError);
    const error = await Promise.resolve(
      bearer(() => "tok-€-SECRET").authenticate(new Headers(), { url: new URL(ORIGIN) }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain("SECRET");
  });
});
