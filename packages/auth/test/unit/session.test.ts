import { inspect } from "node:util";
import { createSession, type SessionTokens } from "@dataclients/auth";
import { AbortError, apiErrorFor, ConnectionError, createFetchWrapper } from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";

const ORIGIN = "https://api.example.com";

function clock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** login() hands out a1, a2, …; refresh(rN) hands out the next access token and refresh token. */
function tokenServer(options: { expiresIn?: number; withRefresh?: boolean; delayMs?: number } = {}) {
  const { expiresIn = 600, withRefresh = true, delayMs = 0 } = options;
  let access = 0;
  let refreshN = 0;
  const login = vi.fn(async (_ctx: { signal: AbortSignal }): Promise<SessionTokens> => {
    if (delayMs) await tick(delayMs);
    access++;
    refreshN++;
    return { accessToken: `a${access}`, expiresIn, ...(withRefresh ? { refreshToken: `r${refreshN}` } : {}) };
  });
  const refresh = vi.fn(async (_token: string, _ctx: { signal: AbortSignal }): Promise<SessionTokens> => {
    if (delayMs) await tick(delayMs);
    access++;
    refreshN++;
    return { accessToken: `a${access}`, expiresIn, refreshToken: `r${refreshN}` };
  });
  return { login, refresh };
}

describe("createSession: lifetime", () => {
  it("logs in lazily, once, and reuses the token", async () => {
    const { login } = tokenServer();
    const session = createSession({ login });
    expect(login).not.toHaveBeenCalled();
    expect(await session.getAccessToken()).toBe("a1");
    expect(await session.getAccessToken()).toBe("a1");
    const headers = new Headers();
    await session.authenticate(headers, { url: new URL(ORIGIN) });
    expect(headers.get("authorization")).toBe("Bearer a1");
    expect(login).toHaveBeenCalledTimes(1);
    expect(login.mock.calls[0]?.[0].signal).toBeInstanceOf(AbortSignal);
  });

  it("reuses the token until expiresIn minus the skew, then renews", async () => {
    const time = clock();
    const { login } = tokenServer({ withRefresh: false });
    const session = createSession({ login, now: time.now });
    expect(await session.getAccessToken()).toBe("a1");
    time.advance(570_000 - 1);
    expect(await session.getAccessToken()).toBe("a1");
    time.advance(1);
    expect(await session.getAccessToken()).toBe("a2");
    expect(login).toHaveBeenCalledTimes(2);
  });

  it("takes refreshSkewSeconds", async () => {
    const time = clock();
    const { login } = tokenServer({ withRefresh: false });
    const session = createSession({ login, now: time.now, refreshSkewSeconds: 100 });
    await session.getAccessToken();
    time.advance(499_999);
    expect(await session.getAccessToken()).toBe("a1");
    time.advance(1);
    expect(await session.getAccessToken()).toBe("a2");
  });

  it("caps the skew at half the token's lifetime", async () => {
    const time = clock();
    const { login } = tokenServer({ expiresIn: 40, withRefresh: false });
    const session = createSession({ login, now: time.now });
    await session.getAccessToken();
    time.advance(19_999);
    expect(await session.getAccessToken()).toBe("a1");
    time.advance(1);
    expect(await session.getAccessToken()).toBe("a2");
  });

  it("keeps a token without expiresIn until invalidated", async () => {
    const time = clock();
    const login = vi.fn(async () => ({ accessToken: "forever" }));
    const session = createSession({ login, now: time.now });
    await session.getAccessToken();
    time.advance(10 * 365 * 24 * 3600 * 1000);
    expect(await session.getAccessToken()).toBe("forever");
    expect(login).toHaveBeenCalledTimes(1);
  });

  it("refreshes ahead of expiry with the refresh token, and a new refresh token replaces the old", async () => {
    const time = clock();
    const { login, refresh } = tokenServer();
    const session = createSession({ login, refresh, now: time.now });
    expect(await session.getAccessToken()).toBe("a1");
    time.advance(570_000);
    expect(await session.getAccessToken()).toBe("a2");
    time.advance(570_000);
    expect(await session.getAccessToken()).toBe("a3");
    expect(refresh.mock.calls.map((c) => c[0])).toEqual(["r1", "r2"]);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it("keeps the stored refresh token when a refresh response carries none", async () => {
    const time = clock();
    const login = vi.fn(async () => ({ accessToken: "a1", expiresIn: 60, refreshToken: "r1" }));
    let n = 1;
    const refresh = vi.fn(async (_token: string) => ({ accessToken: `a${++n}`, expiresIn: 60 }));
    const session = createSession({ login, refresh, now: time.now });
    await session.getAccessToken();
    time.advance(60_000);
    expect(await session.getAccessToken()).toBe("a2");
    time.advance(60_000);
    expect(await session.getAccessToken()).toBe("a3");
    expect(refresh.mock.calls.map((c) => c[0])).toEqual(["r1", "r1"]);
  });

  it("logs in instead of refreshing once the refresh token has expired", async () => {
    const time = clock();
    const login = vi.fn(async () => ({
      accessToken: `a${login.mock.calls.length}`,
      expiresIn: 60,
      refreshToken: "r",
      refreshExpiresIn: 100,
    }));
    const refresh = vi.fn(async () => ({ accessToken: "refreshed", expiresIn: 60 }));
    const session = createSession({ login, refresh, now: time.now });
    await session.getAccessToken();
    time.advance(100_000);
    expect(await session.getAccessToken()).toBe("a2");
    expect(refresh).not.toHaveBeenCalled();
  });

  it.each([400, 401, 403])("falls back to login when the refresh is rejected with %i", async (status) => {
    const time = clock();
    const { login } = tokenServer();
    const refresh = vi.fn(async () => {
      throw apiErrorFor({ status, body: { error: "invalid_grant" }, method: "POST", url: `${ORIGIN}/refresh` });
    });
    const session = createSession({ login, refresh, now: time.now });
    await session.getAccessToken();
    time.advance(600_000);
    expect(await session.getAccessToken()).toBe("a2");
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(login).toHaveBeenCalledTimes(2);
  });

  it("propagates a refresh failure that is not a rejection, and tries the refresh again next time", async () => {
    const time = clock();
    const { login } = tokenServer();
    const refresh = vi
      .fn<(token: string) => Promise<SessionTokens>>()
      .mockRejectedValueOnce(new ConnectionError("refused", "POST", `${ORIGIN}/refresh`))
      .mockResolvedValueOnce({ accessToken: "a-refreshed", expiresIn: 600 });
    const session = createSession({ login, refresh, now: time.now });
    await session.getAccessToken();
    time.advance(600_000);
    await expect(session.getAccessToken()).rejects.toBeInstanceOf(ConnectionError);
    expect(login).toHaveBeenCalledTimes(1);
    expect(await session.getAccessToken()).toBe("a-refreshed");
    expect(refresh.mock.calls.map((c) => c[0])).toEqual(["r1", "r1"]);
  });

  it("honours a custom isRefreshRejected", async () => {
    const time = clock();
    const { login } = tokenServer();
    const refresh = vi.fn(async () => {
      throw new Error("refresh_token_expired");
    });
    const session = createSession({
      login,
      refresh,
      now: time.now,
      isRefreshRejected: (e) => (e as Error).message === "refresh_token_expired",
    });
    await session.getAccessToken();
    time.advance(600_000);
    expect(await session.getAccessToken()).toBe("a2");
  });

  it("propagates a login failure and logs in again on the next call", async () => {
    const login = vi
      .fn<() => Promise<SessionTokens>>()
      .mockRejectedValueOnce(apiErrorFor({ status: 401, body: {}, method: "POST", url: `${ORIGIN}/login` }))
      .mockResolvedValueOnce({ accessToken: "a-ok" });
    const session = createSession({ login });
    await expect(session.getAccessToken()).rejects.toMatchObject({ status: 401 });
    expect(await session.getAccessToken()).toBe("a-ok");
    expect(login).toHaveBeenCalledTimes(2);
  });

  it("rejects a login response without an access token", async () => {
    const session = createSession({ login: async () => ({ accessToken: "" }) });
    await expect(session.getAccessToken()).rejects.toThrow(
      "session: the login or refresh response carried no access token",
    );
  });

  it("rejects an access token that cannot go into a header, without echoing it", async () => {
    const session = createSession({ login: async () => ({ accessToken: "tok-secret\r\nx-evil: 1" }) });
    const error = await Promise.resolve(session.authenticate(new Headers(), { url: new URL(ORIGIN) })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("session:");
    expect((error as Error).message).not.toContain("tok-secret");
  });

  it("logout forgets everything; invalidate keeps the refresh token", async () => {
    const { login, refresh } = tokenServer();
    const session = createSession({ login, refresh });
    expect(await session.getAccessToken()).toBe("a1");
    session.invalidate();
    expect(await session.getAccessToken()).toBe("a2");
    expect(refresh.mock.calls.map((c) => c[0])).toEqual(["r1"]);
    expect(login).toHaveBeenCalledTimes(1);
    session.logout();
    expect(await session.getAccessToken()).toBe("a3");
    expect(login).toHaveBeenCalledTimes(2);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe("createSession: logout during a renewal", () => {
  it("a login that was in flight at logout() does not bring the old session back", async () => {
    let release: (value: { accessToken: string }) => void = () => {};
    let logins = 0;
    const session = createSession({
      login: () => {
        logins++;
        return logins === 1
          ? new Promise<{ accessToken: string }>((resolve) => {
              release = resolve;
            })
          : Promise.resolve({ accessToken: `fresh-${logins}` });
      },
    });
    const stale = session.getAccessToken();
    session.logout();
    const fresh = session.getAccessToken();
    release({ accessToken: "stale-1" });
    // The caller that asked before logout still gets its answer, but it is not kept.
    expect(await stale).toBe("stale-1");
    expect(await fresh).toBe("fresh-2");
    expect(await session.getAccessToken()).toBe("fresh-2");
    expect(logins).toBe(2);
  });
});

describe("createSession: header options", () => {
  it("writes a custom header without a prefix", async () => {
    const session = createSession({ login: async () => ({ accessToken: "a1" }), headerName: "X-Auth-Token" });
    expect(session.headerNames).toEqual(["x-auth-token"]);
    const headers = new Headers();
    await session.authenticate(headers, { url: new URL(ORIGIN) });
    expect(headers.get("x-auth-token")).toBe("a1");
    expect(headers.has("authorization")).toBe(false);
  });

  it("takes a custom prefix", async () => {
    const session = createSession({ login: async () => ({ accessToken: "a1" }), headerPrefix: "Token " });
    const headers = new Headers();
    await session.authenticate(headers, { url: new URL(ORIGIN) });
    expect(headers.get("authorization")).toBe("Token a1");
    expect(session.kind).toBe("session");
  });
});

describe("createSession: single flight", () => {
  function wrapperWith(session: ReturnType<typeof createSession>, accept: (auth: string | null) => boolean) {
    const sent: Array<string | null> = [];
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      auth: session,
      timeout: 5_000,
      maxRetries: 0,
      sleep: async () => {},
      fetch: (async (_u: unknown, init: RequestInit) => {
        const auth = new Headers(init.headers).get("authorization");
        sent.push(auth);
        await tick(1);
        return new Response(null, { status: accept(auth) ? 200 : 401 });
      }) as typeof fetch,
    });
    return { wrapper, sent };
  }

  it("100 concurrent requests with an expired token cause exactly one token request", async () => {
    const time = clock();
    const { login, refresh } = tokenServer({ delayMs: 10 });
    const session = createSession({ login, refresh, now: time.now });
    const { wrapper, sent } = wrapperWith(session, () => true);
    expect((await wrapper.fetch(`${ORIGIN}/warm-up`)).status).toBe(200);
    expect(login).toHaveBeenCalledTimes(1);

    time.advance(600_000);
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => wrapper.fetch(`${ORIGIN}/item/${i}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(login).toHaveBeenCalledTimes(1);
    expect(sent.slice(1)).toEqual(Array(100).fill("Bearer a2"));
  });

  it("100 concurrent first requests cause exactly one login", async () => {
    const { login, refresh } = tokenServer({ delayMs: 10 });
    const session = createSession({ login, refresh });
    const { wrapper, sent } = wrapperWith(session, () => true);
    await Promise.all(Array.from({ length: 100 }, () => wrapper.fetch(`${ORIGIN}/x`)));
    expect(login).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
    expect(new Set(sent)).toEqual(new Set(["Bearer a1"]));
  });

  it("100 concurrent requests with an expired token and no refresh cause exactly one new login", async () => {
    const time = clock();
    const { login } = tokenServer({ delayMs: 10, withRefresh: false });
    const session = createSession({ login, now: time.now });
    const { wrapper } = wrapperWith(session, () => true);
    await wrapper.fetch(`${ORIGIN}/warm-up`);
    time.advance(3_600_000);
    await Promise.all(Array.from({ length: 100 }, () => wrapper.fetch(`${ORIGIN}/x`)));
    expect(login).toHaveBeenCalledTimes(2);
  });

  it("concurrent 401s cause one renewal, and every request is replayed with the new token", async () => {
    const { login, refresh } = tokenServer({ delayMs: 10 });
    const session = createSession({ login, refresh });
    let valid = "Bearer a1";
    const { wrapper, sent } = wrapperWith(session, (auth) => auth === valid);
    await wrapper.fetch(`${ORIGIN}/warm-up`);
    valid = "Bearer a2"; // the server revoked a1 before it expired
    const responses = await Promise.all(Array.from({ length: 20 }, () => wrapper.fetch(`${ORIGIN}/x`)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh.mock.calls[0]?.[0]).toBe("r1");
    expect(login).toHaveBeenCalledTimes(1);
    expect(sent.filter((s) => s === "Bearer a1")).toHaveLength(21);
    expect(sent.filter((s) => s === "Bearer a2")).toHaveLength(20);
  });

  it("a persistent 401 renews once per request and then surfaces", async () => {
    const { login } = tokenServer({ withRefresh: false });
    const session = createSession({ login });
    const { wrapper, sent } = wrapperWith(session, () => false);
    const response = await wrapper.fetch(`${ORIGIN}/x`);
    expect(response.status).toBe(401);
    expect(sent).toEqual(["Bearer a1", "Bearer a2"]);
    expect(login).toHaveBeenCalledTimes(2);
  });
});

describe("createSession: onUnauthorized", () => {
  it("replays without renewing when the token already changed", async () => {
    const { login, refresh } = tokenServer();
    const session = createSession({ login, refresh });
    await session.getAccessToken();
    const replay = await session.onUnauthorized?.({ sentHeaders: new Headers({ authorization: "Bearer stale" }) });
    expect(replay).toBe(true);
    expect(login).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
    expect(await session.getAccessToken()).toBe("a1");
  });

  it("renews when the rejected token is the current one", async () => {
    const { login, refresh } = tokenServer();
    const session = createSession({ login, refresh });
    await session.getAccessToken();
    expect(await session.onUnauthorized?.({ sentHeaders: new Headers({ authorization: "Bearer a1" }) })).toBe(true);
    expect(refresh.mock.calls.map((c) => c[0])).toEqual(["r1"]);
    expect(await session.getAccessToken()).toBe("a2");
  });
});

describe("createSession: AbortSignal", () => {
  it("aborts only the caller's wait; the shared login goes on for the others", async () => {
    const pending = deferred<SessionTokens>();
    const login = vi.fn((_ctx: { signal: AbortSignal }) => pending.promise);
    const session = createSession({ login });
    const controller = new AbortController();
    const first = session.getAccessToken({ signal: controller.signal });
    const second = session.getAccessToken();
    controller.abort(new Error("caller gave up"));
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as AbortError).cause as Error).message).toBe("caller gave up");
    expect(login.mock.calls[0]?.[0].signal.aborted).toBe(false);

    pending.resolve({ accessToken: "a1" });
    expect(await second).toBe("a1");
    expect(await session.getAccessToken({ signal: new AbortController().signal })).toBe("a1");
    expect(login).toHaveBeenCalledTimes(1);
  });

  it("through the fetch wrapper, an abort while waiting for the token gives AbortError", async () => {
    const pending = deferred<SessionTokens>();
    const session = createSession({ login: () => pending.promise });
    let calls = 0;
    const wrapper = createFetchWrapper({
      origin: ORIGIN,
      auth: session,
      timeout: 5_000,
      maxRetries: 2,
      fetch: (async () => {
        calls++;
        return new Response("ok");
      }) as typeof fetch,
    });
    const controller = new AbortController();
    const aborted = wrapper.fetch(`${ORIGIN}/a`, { signal: controller.signal });
    const other = wrapper.fetch(`${ORIGIN}/b`);
    await tick(1);
    controller.abort();
    expect(await aborted.catch((e: unknown) => e)).toBeInstanceOf(AbortError);
    pending.resolve({ accessToken: "a1" });
    expect(await (await other).text()).toBe("ok");
    expect(calls).toBe(1);
  });
});

describe("createSession: no secret in descriptions", () => {
  it("inspect, JSON.stringify and String show no token", async () => {
    const session = createSession({
      login: async () => ({ accessToken: "access-secret-1", refreshToken: "refresh-secret-2", expiresIn: 600 }),
    });
    await session.getAccessToken();
    const renderings = [
      inspect(session, { depth: 10, showHidden: true }),
      JSON.stringify(session),
      String(session),
      JSON.stringify({ auth: session }),
    ];
    for (const text of renderings) {
      expect(text).not.toContain("access-secret-1");
      expect(text).not.toContain("refresh-secret-2");
    }
    expect(String(session)).toBe("[AuthStrategy session]");
    expect(inspect(session)).toBe("[AuthStrategy session]");
  });
});
