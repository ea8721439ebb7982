// DataGOL as an injected fetch (test/support/fake-fetch records every request as sent), with the constants,
// answers and the logging-in fake the unit tests share.
import { type FakeHandler, fakeFetch, json } from "../../../../test/support/fake-fetch.js";
import { unsignedJwt } from "../../../../test/support/jwt.js";

export { type FakeHandler, json, type SentRequest } from "../../../../test/support/fake-fetch.js";

export const BASE_URL = "https://be.datagol.ai";
export const WORKSPACE = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
export const TABLE = "6a175502-6458-4314-b4c5-3c2f29626dea";
export const EMAIL = "sample_email@datagol.com";
export const PASSWORD = "UserPassword-s3cret";
export const LOGIN_PATH = "/idp/api/v1/user/login";
export const TOKEN_PATH = "/idp/api/v1/company/serviceAccount/283/token";
export const NOCO_TABLES = `/noCo/api/v2/workspaces/${WORKSPACE}/tables`;

/** A JWT whose payload is `claims` (the signature is not checked by clients). */
export function jwt(claims: Record<string, unknown> = { sub: EMAIL }): string {
  return unsignedJwt(claims);
}

export function fakeDatagol(handler: FakeHandler) {
  return fakeFetch(handler);
}

export const unauthorized = () => json({ message: "Unauthorized", error: "Unauthorized" }, { status: 401 });

/** The login answer: the profile as the body, the JWT in the Authorization header. */
export function loginAnswer(token: string): Response {
  return json({ id: 101, email: EMAIL }, { headers: { authorization: `Bearer ${token}` } });
}

/** A fake that logs in (JWTs jwt-1, jwt-2, …), hands out service tokens (sa-1, sa-2, …) and answers `rest`. */
export function fakeAccount(rest: FakeHandler = () => json([])) {
  let logins = 0;
  let tokens = 0;
  const fake = fakeDatagol((request, index) => {
    if (request.path === LOGIN_PATH) return loginAnswer(jwt({ sub: EMAIL, n: ++logins }));
    if (request.path === TOKEN_PATH) return json({ token: `sa-${++tokens}`, expiryInSeconds: 2592000 });
    return rest(request, index);
  });
  return { ...fake, logins: () => logins, tokens: () => tokens };
}
