// Real redirects between two servers on 127.0.0.1: different ports are different origins.
import { bearer, createSession, header } from "@dataclients/auth";
import { type AuthStrategy, ConnectionError, createFetchWrapper, requestInfoOf } from "@dataclients/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./support/recording-fetch.js";

let home: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ at: "other", method: request.method, body: request.body }));
  });
  home = await startServer((request, response) => {
    const url = new URL(request.url, home.origin);
    const to = (status: number, location: string) => {
      response.writeHead(status, { location });
      response.end();
    };
    const hops = url.pathname.match(/^\/hops\/(\d+)$/);
    if (hops) {
      const left = Number(hops[1]);
      return left === 0 ? to(302, "/final") : to(302, `/hops/${left - 1}`);
    }
    switch (url.pathname) {
      case "/same":
        return to(302, "/final");
      case "/same-absolute":
        return to(302, `${home.origin}/final?x=1`);
      case "/cross302":
        return to(302, `${other.origin}/landing`);
      case "/cross307":
        return to(307, `${other.origin}/landing`);
      case "/cross308":
        return to(308, `${other.origin}/landing`);
      case "/see-other":
        return to(303, "/final");
      case "/moved":
        return to(301, "/final");
      case "/temporary":
        return to(307, "/final");
      case "/permanent":
        return to(308, "/final");
      case "/no-location":
        response.writeHead(304);
        return response.end();
      default:
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ at: "home", method: request.method, body: request.body }));
    }
  });
});

afterAll(async () => {
  await Promise.all([home?.close(), other?.close()]);
});

function wrapperFor(auth?: AuthStrategy) {
  return createFetchWrapper({ origin: home.origin, auth, timeout: 5_000, maxRetries: 0 });
}

const strategies: Array<[string, () => AuthStrategy, string, string]> = [
  ["bearer", () => bearer("bearer-secret"), "authorization", "Bearer bearer-secret"],
  ["header(private-token)", () => header("private-token", "pat-secret"), "private-token", "pat-secret"],
  ["header(x-auth-token)", () => header("x-auth-token", "xat-secret"), "x-auth-token", "xat-secret"],
  [
    "createSession",
    () => createSession({ login: async () => ({ accessToken: "session-secret", expiresIn: 600 }) }),
    "authorization",
    "Bearer session-secret",
  ],
  [
    "createSession with a custom header",
    () =>
      createSession({
        login: async () => ({ accessToken: "custom-secret" }),
        headerName: "X-Session-Token",
      }),
    "x-session-token",
    "custom-secret",
  ],
];

const SECRET_HEADERS = ["authorization", "private-token", "x-auth-token", "x-session-token", "cookie"];

describe.each(strategies)("redirects with %s", (_name, makeAuth, headerName, headerValue) => {
  it("keeps the credential on a same-origin 302", async () => {
    const wrapper = wrapperFor(makeAuth());
    const before = home.requests.length;
    const response = await wrapper.fetch(`${home.origin}/same`);
    expect(await response.json()).toEqual({ at: "home", method: "GET", body: "" });
    const seen = home.requests.slice(before);
    expect(seen.map((r) => r.url)).toEqual(["/same", "/final"]);
    expect(seen.map((r) => r.headers[headerName])).toEqual([headerValue, headerValue]);
  });

  it.each(["/cross302", "/cross307", "/cross308"])(
    "drops the credential and other secret headers on a cross-origin redirect (%s)",
    async (path) => {
      const wrapper = wrapperFor(makeAuth());
      const homeBefore = home.requests.length;
      const otherBefore = other.requests.length;
      const response = await wrapper.fetch(`${home.origin}${path}`, {
        headers: {
          "x-trace": "kept",
          "private-token": "manual-pat",
          "x-auth-token": "manual-xat",
          cookie: "sid=manual-cookie",
        },
      });
      expect(await response.json()).toEqual({ at: "other", method: "GET", body: "" });
      expect(requestInfoOf(response)?.url).toBe(`${other.origin}/landing`);

      const sentHome = home.requests.slice(homeBefore);
      expect(sentHome).toHaveLength(1);
      expect(sentHome[0]?.headers[headerName]).toBe(headerValue);

      const sentOther = other.requests.slice(otherBefore);
      expect(sentOther).toHaveLength(1);
      expect(sentOther[0]?.headers["x-trace"]).toBe("kept");
      for (const name of SECRET_HEADERS) expect(sentOther[0]?.headers[name]).toBeUndefined();
      const everything = JSON.stringify(sentOther[0]?.headers);
      for (const secret of [headerValue, "manual-pat", "manual-xat", "manual-cookie"]) {
        expect(everything).not.toContain(secret);
      }
    },
  );
});

describe("redirect methods and bodies", () => {
  it("turns a POST into a body-less GET on 303", async () => {
    const wrapper = wrapperFor(bearer("t"));
    const before = home.requests.length;
    const response = await wrapper.fetch(`${home.origin}/see-other`, {
      method: "POST",
      body: JSON.stringify({ a: 1 }),
      headers: { "content-type": "application/json" },
    });
    expect(await response.json()).toEqual({ at: "home", method: "GET", body: "" });
    const final = home.requests.slice(before)[1];
    expect(final?.method).toBe("GET");
    expect(final?.headers["content-type"]).toBeUndefined();
    expect(final?.headers["content-length"]).toBeUndefined();
    expect(requestInfoOf(response)).toEqual({ method: "GET", url: `${home.origin}/final` });
  });

  it("turns a POST into a GET on 301, as browsers do", async () => {
    const response = await wrapperFor().fetch(`${home.origin}/moved`, { method: "POST", body: "x=1" });
    expect(await response.json()).toEqual({ at: "home", method: "GET", body: "" });
  });

  it.each(["/temporary", "/permanent"])("replays the body to the same origin on %s", async (path) => {
    const response = await wrapperFor(bearer("t")).fetch(`${home.origin}${path}`, {
      method: "POST",
      body: '{"keep":true}',
    });
    expect(await response.json()).toEqual({ at: "home", method: "POST", body: '{"keep":true}' });
  });

  it("keeps PUT on a same-origin 302", async () => {
    const response = await wrapperFor().fetch(`${home.origin}/same`, { method: "PUT", body: "v" });
    expect(await response.json()).toEqual({ at: "home", method: "PUT", body: "v" });
  });

  it("refuses to send a body across origins on 307", async () => {
    const otherBefore = other.requests.length;
    const error = await wrapperFor(bearer("t"))
      .fetch(`${home.origin}/cross307`, { method: "POST", body: '{"secret":"payload"}' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain("redirected (307) to another origin");
    expect((error as ConnectionError).message).toContain(other.origin);
    expect(other.requests.length).toBe(otherBefore);
  });

  it("follows an absolute same-origin Location", async () => {
    const response = await wrapperFor().fetch(`${home.origin}/same-absolute`);
    expect(requestInfoOf(response)?.url).toBe(`${home.origin}/final?x=1`);
  });

  it("returns a 3xx without Location as is", async () => {
    const response = await wrapperFor().fetch(`${home.origin}/no-location`);
    expect(response.status).toBe(304);
  });

  it("follows 20 redirects", async () => {
    const response = await wrapperFor().fetch(`${home.origin}/hops/19`);
    expect(response.status).toBe(200);
    expect(requestInfoOf(response)?.url).toBe(`${home.origin}/final`);
  });

  it("fails after more than 20 redirects", async () => {
    const before = home.requests.length;
    const error = await wrapperFor()
      .fetch(`${home.origin}/hops/20`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain("more than 20 redirects");
    expect(home.requests.length - before).toBe(21);
  });
});

describe("redirects a browser hides (opaque redirect)", () => {
  it("names the redirect instead of a bare network error, and does not retry", async () => {
    let calls = 0;
    // Node cannot produce an opaque redirect; this is what a browser's fetch returns for redirect: "manual".
    const opaque = { type: "opaqueredirect", status: 0, statusText: "", headers: new Headers(), body: null, ok: false };
    const wrapper = createFetchWrapper({
      origin: "https://api.test",
      fetch: async () => {
        calls++;
        return opaque as unknown as Response;
      },
      auth: bearer("secret-token"),
      timeout: 1000,
      maxRetries: 2,
      sleep: async () => {},
    });
    const error = await wrapper.fetch("https://api.test/jobs/8/artifacts?private_token=abc").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "GET https://api.test/jobs/8/artifacts?private_token=[REDACTED] was redirected, and a browser hides the target from scripts, so the request (which carries credentials) was not followed; use a client without `auth` for public downloads, or make this call from a server",
    );
    expect(calls).toBe(1);
  });
});
