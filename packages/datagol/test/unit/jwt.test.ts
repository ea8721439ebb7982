import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { jwtLifetimeSeconds } from "../../src/auth/jwt.js";
import { jwtFromAuthorizationHeader, LoginFailedError } from "../../src/index.js";
import { jwt } from "./fake-datagol.js";

describe("jwtFromAuthorizationHeader (the login answer's Authorization header)", () => {
  it("takes the token after Bearer, whatever the scheme's case and spacing", () => {
    const token = jwt();
    expect(jwtFromAuthorizationHeader(`Bearer ${token}`)).toBe(token);
    expect(jwtFromAuthorizationHeader(`bearer  ${token}`)).toBe(token);
    expect(jwtFromAuthorizationHeader(` BEARER ${token} `)).toBe(token);
  });

  it("accepts a bare token (no scheme) as the JWT", () => {
    expect(jwtFromAuthorizationHeader("eyJabc.eyJdef.sig")).toBe("eyJabc.eyJdef.sig");
  });

  it("fails with LoginFailedError naming the header when it is missing", () => {
    const error = catchError(() => jwtFromAuthorizationHeader(null));
    expect(error).toBeInstanceOf(LoginFailedError);
    expect(error.message).toContain("has no `Authorization` header");
    expect(error.message).toContain("Access-Control-Expose-Headers");
  });

  it("fails without quoting the value when it is not Bearer <JWT>", () => {
    for (const value of ["Bearer ", "Bearer", "Bearer two tokens-secret"]) {
      const error = catchError(() => jwtFromAuthorizationHeader(value));
      expect(error).toBeInstanceOf(LoginFailedError);
      expect(error.message).toContain("is not `Bearer <JWT>`");
      expect(inspect(error)).not.toContain("tokens-secret");
    }
  });
});

describe("jwtLifetimeSeconds (the exp claim)", () => {
  const now = Date.UTC(2026, 0, 1);
  it("is the seconds left until exp", () => {
    expect(jwtLifetimeSeconds(jwt({ exp: now / 1000 + 3600 }), now)).toBe(3600);
  });
  it("is undefined without exp, with a past exp, or for a token that is not a JWT", () => {
    expect(jwtLifetimeSeconds(jwt({ sub: "x" }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds(jwt({ exp: now / 1000 - 1 }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds(jwt({ exp: "tomorrow" }), now)).toBeUndefined();
    expect(jwtLifetimeSeconds("opaque-token", now)).toBeUndefined();
    expect(jwtLifetimeSeconds("a.%%%.c", now)).toBeUndefined();
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
