import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
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

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
