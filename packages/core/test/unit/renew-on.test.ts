// An auth strategy says which statuses mean "renew the credential"; renewal happens at most once per call.
import { createSession } from "@dataclients/auth";
import { type AuthStrategy, createFetchWrapper, type UnauthorizedContext } from "@dataclients/core";
import { describe, expect, it, vi } from "vitest";

const ORIGIN = "https://api.example.com";

function strategy(renewOn?: readonly number[]) {
  let version = 1;
  const onUnauthorized = vi.fn(async (_context: UnauthorizedContext) => {
    version++;
    return true;
  });
  const auth: AuthStrategy = {
    kind: "test",
    headerNames: ["authorization"],
    ...(renewOn ? { renewOn } : {}),
    authenticate: (headers) => headers.set("authorization", `Bearer v${version}`),
    onUnauthorized,
  };
  return { auth, onUnauthorized };
}

function wrapper(auth: AuthStrategy, statuses: number[]) {
  const sent: Array<string | null> = [];
  const w = createFetchWrapper({
    origin: ORIGIN,
    auth,
    timeout: 1_000,
    maxRetries: 2,
    sleep: async () => {},
    fetch: (async (_u: unknown, init: RequestInit) => {
      sent.push(new Headers(init.headers).get("authorization"));
      return new Response("x", { status: statuses[sent.length - 1] ?? 200 });
    }) as typeof fetch,
  });
  return { w, sent };
}

describe("renewOn", () => {
  it("by default only a 401 renews; a 403 is final", async () => {
    const { auth, onUnauthorized } = strategy();
    const { w, sent } = wrapper(auth, [403]);
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(403);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
  });

  it("[401, 403]: a 403 renews once and replays with the new credential", async () => {
    const { auth, onUnauthorized } = strategy([401, 403]);
    const { w, sent } = wrapper(auth, [403, 200]);
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0].status).toBe(403);
    expect(sent).toEqual(["Bearer v1", "Bearer v2"]);
  });

  it("a 401 or 403 on the replay after a renewal is the real answer", async () => {
    for (const statuses of [
      [403, 403],
      [401, 403],
      [403, 401],
    ]) {
      const { auth, onUnauthorized } = strategy([401, 403]);
      const { w, sent } = wrapper(auth, statuses);
      expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(statuses[1]);
      expect(onUnauthorized).toHaveBeenCalledTimes(1);
      expect(sent).toHaveLength(2);
    }
  });

  it("createSession takes renewOn (DataGOL: [401, 403])", async () => {
    let n = 0;
    const session = createSession({ login: async () => ({ accessToken: `a${++n}` }), renewOn: [401, 403] });
    expect(session.renewOn).toEqual([401, 403]);
    expect(createSession({ login: async () => ({ accessToken: "a" }) }).renewOn).toEqual([401]);
    const { w, sent } = wrapper(session, [403, 200]);
    expect((await w.fetch(`${ORIGIN}/x`)).status).toBe(200);
    expect(sent).toEqual(["Bearer a1", "Bearer a2"]);
  });
});
