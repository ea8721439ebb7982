// Reading a JWT's payload without verifying it: for configuration and for scheduling a renewal, never for trust.
import { describe, expect, it } from "vitest";
import { unsignedJwt } from "../../../../test/support/jwt.js";
import { decodeJwtPayload, jwtLifetimeSeconds } from "../../src/index.js";

describe("decodeJwtPayload", () => {
  it("is the payload object of a JWT, and undefined for anything else", () => {
    expect(decodeJwtPayload(unsignedJwt({ sub: "ação", exp: 1 }))).toEqual({ sub: "ação", exp: 1 });
    expect(decodeJwtPayload("opaque-token")).toBeUndefined();
    expect(decodeJwtPayload(unsignedJwt({}).replace(/\.[^.]+\./, ".W10.")) /* payload [] */).toBeUndefined();
  });
});

describe("jwtLifetimeSeconds (the exp claim)", () => {
  const now = Date.UTC(2026, 0, 1);
  it("is the seconds left until exp", () => {
    expect(jwtLifetimeSeconds(unsignedJwt({ exp: now / 1000 + 3600 }), now)).toBe(3600);
  });
  it("is undefined without exp, with a past exp, or for a token that is not a JWT", () => {
    expect(jwtLifetimeSeconds(unsignedJwt({ sub: "x" }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds(unsignedJwt({ exp: now / 1000 - 1 }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds(unsignedJwt({ exp: "tomorrow" }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds("opaque-token", now)).toBeUndefined();
    expect(jwtLifetimeSeconds("a.%%%.c", now)).toBeUndefined();
  });
});
