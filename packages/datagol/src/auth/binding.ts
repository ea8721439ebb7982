// How DataGOL's login strategies meet a client: core binds them to each client's base URL and options
// (AuthStrategy.bind), so the login and token requests go through the same fetch, timeouts, retries and logger.
import type { AuthBinding, AuthStrategy } from "@dataclients/core";

/** A strategy that needs a client before it can authenticate (it logs in): `datagolLogin`, `serviceAccount`. */
export interface DatagolCredentials extends AuthStrategy {
  bind(binding: AuthBinding): AuthStrategy;
}

export const NAME = "DataGOL";

/** Where the vendor puts each credential: IdP endpoints take only the JWT; everything else also the service token. */
const IDP_SECURITY: readonly (readonly string[])[] = [["jwtBearer"]];
const NOCO_SECURITY: readonly (readonly string[])[] = [["serviceToken"], ["jwtBearer"]];

/** The security of a request that carries none (a raw `api` call), from its path: the service token never goes to IdP. */
export function securityForUrl(url: URL): readonly (readonly string[])[] {
  return url.pathname.includes("/idp/api/") ? IDP_SECURITY : NOCO_SECURITY;
}

export function isDatagolCredentials(value: unknown): value is DatagolCredentials {
  return typeof (value as { bind?: unknown } | null)?.bind === "function";
}
