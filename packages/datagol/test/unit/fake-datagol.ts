// An injected fetch standing in for DataGOL: it records every request exactly as sent (method, path, headers,
// raw body) and answers from a handler, so unit tests assert the wire format without a server.
export interface SentRequest {
  method: string;
  url: URL;
  path: string;
  headers: Headers;
  body: string;
}

export type FakeHandler = (request: SentRequest, index: number) => Response | Promise<Response>;

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
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}

export function fakeDatagol(handler: FakeHandler) {
  const requests: SentRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : "";
    const sent: SentRequest = { method: request.method, url, path: url.pathname, headers: request.headers, body };
    requests.push(sent);
    return handler(sent, requests.length - 1);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** The requests to one path (query excluded). */
    to: (path: string) => requests.filter((request) => request.path === path),
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
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
