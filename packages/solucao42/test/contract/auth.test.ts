import { describe, expect, it } from "vitest";
import { unwrap } from "../../../core/src/index.js";
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  bearer,
  PermissionDeniedError,
  passwordAuth,
  ServerError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { mockClient, prefer } from "./support.js";

describe("auth endpoints against the mock", () => {
  it("api-key login (createTokenFromApiKey) then permissions (getPermissions) with the bearer token", async () => {
    const s42 = mockClient();
    const permissions = await s42.permissions();
    expect(permissions.actions).toEqual(expect.arrayContaining(["data_api:execute", "data_api:get_job"]));
    const user = await s42.currentUser();
    expect(user).toMatchObject({ company_slug: "acme" });
  });

  it("password login (loginWithPassword) works as an alternative credential", async () => {
    const sent: string[] = [];
    const s42 = mockClient({
      auth: passwordAuth({ companySlug: "acme", email: "analyst@acme.com.br", password: "pw" }),
      fetch: (input, init) => {
        sent.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    await expect(s42.permissions()).resolves.toMatchObject({ actions: ["data_api:execute", "data_api:get_job"] });
    expect(sent).toEqual(["POST /api/v1/auth/login", "GET /api/v1/auth/permissions"]);
  });

  it("refreshToken returns a new token pair", async () => {
    const s42 = mockClient();
    const tokens = unwrap(await s42.api.POST("/api/v1/auth/refresh", { body: { refresh_token: "eyJ..." } }));
    expect(tokens.access_token_expires_in).toBe(600);
    expect(tokens.refresh_token_expires_in).toBe(604800);
    expect(typeof tokens.access_token).toBe("string");
  });

  it("the mock rejects a call without a token with 401, and a plain bearer token is accepted", async () => {
    const anonymous = mockClient({ auth: undefined });
    const { response } = await anonymous.api.GET("/api/v1/auth/permissions");
    expect(response.status).toBe(401);
    await expect(mockClient({ auth: bearer("eyJ...") }).permissions()).resolves.toMatchObject({
      actions: ["data_api:execute", "data_api:get_job"],
    });
  });

  const tokenOperations = [
    ["createTokenFromApiKey", "/api/v1/auth/api-key", { company_slug: "acme", api_key: "s42_x", api_secret: "y" }],
    ["refreshToken", "/api/v1/auth/refresh", { refresh_token: "eyJ..." }],
    ["loginWithPassword", "/api/v1/auth/login", { company_slug: "acme", email: "a@acme.com.br", password: "pw" }],
  ] as const;

  describe.each(tokenOperations)("%s documented errors", (_id, path, body) => {
    it.each([
      [400, BadRequestError, "INVALID_PARAMS"],
      [401, AuthenticationError, undefined],
      [422, UnprocessableEntityError, undefined],
      [500, ServerError, "INTERNAL_ERROR"],
    ])("%i → %o", async (status, ErrorClass, code) => {
      const s42 = mockClient();
      // The three paths share one body type per path; the cast keeps the table short.
      const result = await s42.api.POST(path as "/api/v1/auth/refresh", {
        body: body as { refresh_token: string },
        ...prefer(`code=${status}`),
      });
      const error = (() => {
        try {
          unwrap(result);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as ApiError).status).toBe(status);
      expect((error as ApiError).code).toBe(code);
      expect((error as ApiError).url).toMatch(new RegExp(`${path}$`));
    });
  });

  it("the mock answers 422 for a login body missing a field", async () => {
    const s42 = mockClient();
    const { response } = await s42.api.POST("/api/v1/auth/api-key", {
      body: { company_slug: "acme", api_key: "s42_x" } as never,
    });
    expect(response.status).toBe(422);
  });

  it.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [500, ServerError],
  ])("getPermissions %i → %o through the facade", async (status, ErrorClass) => {
    const error = await mockClient()
      .permissions(prefer(`code=${status}`))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).method).toBe("GET");
  });

  it("retries a GET answered 500 (maxRetries) before surfacing ServerError", async () => {
    const attempts: number[] = [];
    const s42 = mockClient({
      maxRetries: 1,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (new URL(String(input instanceof Request ? input.url : input)).pathname.endsWith("/permissions"))
          attempts.push(response.status);
        return response;
      },
    });
    await expect(s42.permissions(prefer("code=500"))).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toEqual([500, 500]);
  });
});
