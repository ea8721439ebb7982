// What the wrapper tells the strategy: the operation's security alternatives, when a generated method sends.
import { type AuthContext, type AuthStrategy, createFetchWrapper } from "@dataclients/core";
import { describe, expect, it } from "vitest";

describe("AuthContext.security", () => {
  it("reaches authenticate from the call options, and is absent for raw calls", async () => {
    const seen: Array<AuthContext["security"]> = [];
    const auth: AuthStrategy = {
      kind: "multi",
      headerNames: ["authorization"],
      authenticate(headers, context) {
        seen.push(context.security);
        headers.set("authorization", "Bearer multi-token");
      },
    };
    const w = createFetchWrapper({
      origin: "https://api.example.com",
      auth,
      timeout: 1_000,
      maxRetries: 0,
      fetch: (async () => new Response("ok")) as typeof fetch,
    });
    const security = [["serviceToken"], ["jwtBearer"]] as const;
    await w.withOptions({ security } as never)("https://api.example.com/x");
    await w.fetch("https://api.example.com/x");
    expect(seen).toEqual([security, undefined]);
  });
});
