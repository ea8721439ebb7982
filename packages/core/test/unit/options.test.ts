import { AbortError, createApiClient, isLoopbackHost, requireNonEmpty, resolveBaseUrl } from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { configError } from "../../../../test/support/catch-error.js";
import { json, recordingFetch } from "./support/recording-fetch.js";

const DEFAULT = "https://api.vendor.example/v1";

describe("resolveBaseUrl", () => {
  it("uses the default when baseUrl is absent, without a trailing slash", () => {
    expect(resolveBaseUrl(undefined, "Vendor", DEFAULT)).toBe(DEFAULT);
    expect(resolveBaseUrl(undefined, "Vendor", `${DEFAULT}/`)).toBe(DEFAULT);
  });

  it("requires baseUrl for a per-tenant vendor (no default)", () => {
    const error = configError(() => resolveBaseUrl(undefined, "Datagrok"));
    expect(error.message).toMatch(/^Datagrok: `baseUrl` is required/);
  });

  it.each([
    ["", /`baseUrl` must be a non-empty absolute URL/],
    ["   ", /`baseUrl` must be a non-empty absolute URL/],
    ["not a url", /`baseUrl` "not a url" is not an absolute URL; include the scheme/],
    ["api.example.com", /include the scheme, e\.g\. "https:\/\/api\.example\.com"/],
    ["ftp://x", /`baseUrl` must use https:\/\/.*got "ftp:"/],
    ["http://example.com", /plain http:\/\/ to the remote host "example\.com".*use https:\/\//],
    ["https://user:pw@api.example.com", /must not contain credentials/],
    ["https://api.example.com/v1?x=1", /must not contain a query or fragment; got "\?x=1"/],
    ["https://api.example.com/v1#frag", /must not contain a query or fragment/],
  ])("rejects %j with a message that says what to fix", (value, message) => {
    const error = configError(() => resolveBaseUrl(value, "Vendor", DEFAULT));
    expect(error.message).toMatch(/^Vendor: /);
    expect(error.message).toMatch(message);
  });

  it("rejects a non-string value", () => {
    expect(configError(() => resolveBaseUrl(42, "Vendor")).message).toMatch(/must be a non-empty absolute URL.*got 42/);
  });

  it("does not echo credentials of a rejected URL", () => {
    expect(configError(() => resolveBaseUrl("https://user:pw-secret@h.example", "V")).message).not.toContain(
      "pw-secret",
    );
  });

  it.each([
    ["http://localhost:3100", "http://localhost:3100"],
    ["http://127.0.0.1:4010/api/v4", "http://127.0.0.1:4010/api/v4"],
    ["http://[::1]:8080/", "http://[::1]:8080"],
    ["http://app.localhost/x", "http://app.localhost/x"],
    ["https://api.example.com/", "https://api.example.com"],
    ["https://api.example.com/api/v4//", "https://api.example.com/api/v4"],
    ["  https://api.example.com/v2  ", "https://api.example.com/v2"],
  ])("accepts %j as %j", (value, expected) => {
    expect(resolveBaseUrl(value, "Vendor")).toBe(expected);
  });

  it("knows loopback hosts", () => {
    expect(isLoopbackHost("127.0.0.5")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("127.example.com")).toBe(false);
    expect(isLoopbackHost("localhost.example.com")).toBe(false);
  });
});

describe("createApiClient options", () => {
  const meta = { name: "Vendor", defaultBaseUrl: DEFAULT };

  it("resolves the default base URL and sends requests there", async () => {
    const recorder = recordingFetch(() => json({ ok: true }));
    const client = createApiClient<Record<string, never>>({ fetch: recorder.fetch }, meta);
    expect(client.baseUrl).toBe(DEFAULT);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    const result = await (client.api as any).GET("/things");
    expect(result.data).toEqual({ ok: true });
    expect(recorder.requests[0]?.url).toBe(`${DEFAULT}/things`);
  });

  it("requires baseUrl when the vendor has no default", () => {
    const error = configError(() => createApiClient({}, { name: "DataGalaxy" }));
    expect(error.message).toContain("DataGalaxy: `baseUrl` is required");
  });

  it("rejects plain http to a remote host, mentioning https", () => {
    const error = configError(() => createApiClient({ baseUrl: "http://example.com" }, meta));
    expect(error.message).toContain("https://");
  });

  it.each([
    [{ timeout: 0 }, "`timeout`"],
    [{ timeout: -5 }, "`timeout`"],
    [{ timeout: Number.NaN }, "`timeout`"],
    [{ maxRetries: -1 }, "`maxRetries`"],
    [{ maxRetries: 1.5 }, "`maxRetries`"],
    [{ maxRetries: 11 }, "`maxRetries`"],
    [{ fetch: "nope" }, "`fetch`"],
    [{ auth: { kind: "x" } }, "`auth`"],
    [{ headers: "x" }, "`headers`"],
  ])("rejects %j naming the option", (options, option) => {
    const error = configError(() => createApiClient(options as never, meta));
    expect(error.message).toContain(option);
    expect(error.message).toMatch(/^Vendor: /);
  });

  it("accepts the boundary values maxRetries 0 and 10", () => {
    expect(createApiClient({ maxRetries: 0 }, meta).baseUrl).toBe(DEFAULT);
    expect(createApiClient({ maxRetries: 10, timeout: 1 }, meta).baseUrl).toBe(DEFAULT);
  });

  it("validates per-call options in requestInit", () => {
    const client = createApiClient({}, meta);
    expect(configError(() => client.requestInit({ maxRetries: 11 })).message).toContain("`maxRetries`");
    expect(configError(() => client.requestInit({ timeout: -1 })).message).toContain("`timeout`");
    // The signal stays with the wrapper (openapi-fetch's Request would hold a listener on it until GC).
    const controller = new AbortController();
    expect(client.requestInit({ signal: controller.signal })).not.toHaveProperty("signal");
  });

  it("a signal passed to requestInit still aborts the raw call", async () => {
    const hanging = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const client = createApiClient<Record<string, never>>({ fetch: hanging as typeof fetch }, meta);
    const controller = new AbortController();
    const call = (client.api as unknown as { GET: (path: string, init: object) => Promise<unknown> }).GET(
      "/anything",
      client.requestInit({ signal: controller.signal }),
    );
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it("sends client headers and per-call headers through requestInit", async () => {
    const recorder = recordingFetch(() => json([]));
    const client = createApiClient<Record<string, never>>(
      { fetch: recorder.fetch, headers: { "x-client": "1" } },
      meta,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty Paths type.
    await (client.api as any).GET("/a", client.requestInit({ headers: { prefer: "code=404" } }));
    expect(recorder.requests[0]?.headers.get("x-client")).toBe("1");
    expect(recorder.requests[0]?.headers.get("prefer")).toBe("code=404");
  });
});

describe("requireNonEmpty", () => {
  it("returns the value or names the option", () => {
    expect(requireNonEmpty("acme", "companySlug", "Solucao42")).toBe("acme");
    expect(configError(() => requireNonEmpty(" ", "companySlug", "Solucao42", "your tenant")).message).toBe(
      "Solucao42: `companySlug` must be a non-empty string (your tenant)",
    );
  });
});
