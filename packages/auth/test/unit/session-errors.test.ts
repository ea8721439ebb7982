// The session's failures: typed (AuthenticationError subclasses), free of secrets, and never stuck.
import { inspect } from "node:util";
import { createSession, LoginFailedError, RenewalTimeoutError } from "@dataclients/auth";
import {
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  createFetchWrapper,
  TimeoutError,
} from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";

const ORIGIN = "https://api.example.com";

function everything(error: unknown): string {
  return [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join("\n");
}

describe("session failures are AuthenticationError subclasses", () => {
  it("no access token → LoginFailedError", async () => {
    const error = await rejection(createSession({ login: async () => ({ accessToken: "" }) }).getAccessToken());
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe("session: the login or refresh response carried no access token");
    expect((error as LoginFailedError).status).toBe(0);
  });

  it("a token that cannot go into a header (above U+00FF) → LoginFailedError without the token", async () => {
    const error = await rejection(
      createSession({ login: async () => ({ accessToken: "tok-€-SECRET" }) }).getAccessToken(),
    );
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(everything(error)).not.toContain("SECRET");
  });

  it("invalid JSON in the token exchange does not quote a piece of the token", async () => {
    const body = '{"access_token":"at-SECRET-123","expires_in":';
    const login = async () => JSON.parse(body) as never;
    const error = await rejection(createSession({ login }).getAccessToken());
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error.message).toBe("session: the login response was not valid JSON");
    expect(everything(error)).not.toContain("at-SECRET");
    expect(error.cause).toBeUndefined();
  });

  it("a vendor flow's plain Error becomes LoginFailedError naming only its kind", async () => {
    const error = await rejection(
      createSession({
        login: async () => {
          throw new RangeError("bad key key-SECRET-9");
        },
      }).getAccessToken(),
    );
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error.message).toContain("login failed (RangeError)");
    expect(everything(error)).not.toContain("key-SECRET-9");
  });

  it("core's errors pass through unchanged", async () => {
    const timeout = new TimeoutError(100, "POST", `${ORIGIN}/token`);
    const error = await rejection(
      createSession({
        login: async () => {
          throw timeout;
        },
      }).getAccessToken(),
    );
    expect(error).toBe(timeout);
  });
});

describe("a renewal that never settles", () => {
  it("fails its waiters with RenewalTimeoutError, aborts login's signal, and the next call tries again", async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const login = vi.fn(({ signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      calls++;
      // The first login never answers (and ignores its signal); the second works.
      return calls === 1 ? new Promise<never>(() => {}) : Promise.resolve({ accessToken: "a2" });
    });
    const session = createSession({ login, renewalTimeout: 30 });
    const waiters = await Promise.all([rejection(session.getAccessToken()), rejection(session.getAccessToken())]);
    for (const error of waiters) {
      expect(error).toBeInstanceOf(RenewalTimeoutError);
      expect(error).toBeInstanceOf(LoginFailedError);
      expect(error.message).toContain("took longer than 30 ms");
    }
    expect(login).toHaveBeenCalledTimes(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(await session.getAccessToken()).toBe("a2");
    expect(login).toHaveBeenCalledTimes(2);
  });

  it("a late answer of the abandoned renewal is not stored", async () => {
    let release: (tokens: { accessToken: string }) => void = () => {};
    let calls = 0;
    const session = createSession({
      renewalTimeout: 20,
      login: () => {
        calls++;
        return calls === 1
          ? new Promise((resolve) => {
              release = resolve;
            })
          : Promise.resolve({ accessToken: "fresh" });
      },
    });
    expect(await rejection(session.getAccessToken())).toBeInstanceOf(RenewalTimeoutError);
    release({ accessToken: "late" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await session.getAccessToken()).toBe("fresh");
  });

  it("through the wrapper, a token exchange whose body stalls fails the renewal with TimeoutError", async () => {
    // The exchange itself goes through a client: its body timeout ends the stall.
    const exchange = createFetchWrapper({
      origin: ORIGIN,
      timeout: 40,
      maxRetries: 0,
      fetch: (async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"access_token":'));
            },
          }),
        )) as typeof fetch,
    });
    let logins = 0;
    const session = createSession({
      login: async ({ signal }) => {
        logins++;
        if (logins > 1) return { accessToken: "a2" };
        const response = await exchange.withOptions({ signal })(`${ORIGIN}/token`, { method: "POST", body: "{}" });
        return { accessToken: ((await response.json()) as { access_token: string }).access_token };
      },
    });
    expect(await rejection(session.getAccessToken())).toBeInstanceOf(TimeoutError);
    expect(await session.getAccessToken()).toBe("a2");
  });
});

describe("createSession options from JavaScript", () => {
  it.each([
    [
      { login: async () => ({ accessToken: "a" }), renewalTimeout: Number.NaN },
      "`renewalTimeout` must be a positive number of milliseconds; got NaN",
    ],
    [{ login: async () => ({ accessToken: "a" }), renewalTimeout: 0 }, "got 0"],
    [
      { login: async () => ({ accessToken: "a" }), renewOn: [401, "403"] },
      "`renewOn` must be a list of HTTP error statuses",
    ],
    [{ login: "nope" }, "`login` must be a function"],
    [null, "`login` must be a function"],
  ])("rejects %j naming the option", (options, message) => {
    expect(() => createSession(options as never)).toThrow(ConfigurationError);
    expect(() => createSession(options as never)).toThrow(message);
  });
});

describe("secretValues", () => {
  it("lists the access and refresh tokens the session holds", async () => {
    const session = createSession({ login: async () => ({ accessToken: "acc-1", refreshToken: "ref-2" }) });
    expect(session.secretValues?.()).toEqual([]);
    await session.getAccessToken();
    expect(session.secretValues?.()).toEqual(["acc-1", "ref-2"]);
  });

  it("a ConnectionError from refresh still passes through (not wrapped)", async () => {
    let now = 0;
    const session = createSession({
      now: () => now,
      login: async () => ({ accessToken: "a1", refreshToken: "r1", expiresIn: 60 }),
      refresh: async () => {
        throw new ConnectionError("refused", "POST", `${ORIGIN}/refresh`);
      },
    });
    await session.getAccessToken();
    now = 120_000;
    expect(await rejection(session.getAccessToken())).toBeInstanceOf(ConnectionError);
  });
});
