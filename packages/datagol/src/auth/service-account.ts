// serviceAccount: the vendor's three-step flow as one strategy. The user JWT (from `login`) obtains the service
// account's token (GET /idp/api/v1/company/serviceAccount/{id}/token), which goes to the noCo endpoints as
// `x-auth-token`; the JWT goes to the IdP endpoints. A 401/403 from a noCo call renews the token once (single
// flight: fifty rejected calls cause one renewal) and replays the call; a rejection of the replay is final.
import { byScheme, createSession, LoginFailedError, withSafeDescription } from "@dataclients/auth";
import {
  ApiError,
  type AuthBinding,
  type AuthStrategy,
  ConfigurationError,
  createBindingClient,
  unwrap,
} from "@dataclients/core";
import type { paths } from "../generated/schema.js";
import { type DatagolCredentials, isDatagolCredentials, NAME, securityForUrl } from "./binding.js";
import { type DatagolLogin, RENEW_ON } from "./login.js";

export interface ServiceAccountOptions {
  /** The user login whose JWT obtains the token (the user needs the ACCOUNT_ADMIN role). */
  login: DatagolLogin;
  /** The service account's id: the numeric `id` that createServiceAccount returns (e.g. 283). */
  serviceAccountId: number | string;
}

const LABEL = `${NAME} serviceAccount`;

/**
 * The service account's token on the noCo endpoints (`x-auth-token`), the user JWT on the IdP endpoints. The token
 * is obtained with the generate call, not a reset: a reset revokes the token for every other process that holds it.
 */
export function serviceAccount(options: ServiceAccountOptions): DatagolCredentials {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError(`${LABEL}: pass { login: datagolLogin({ email, password }), serviceAccountId }`);
  }
  const { login } = options;
  if (!isDatagolCredentials(login) || login.kind !== "datagol login") {
    throw new ConfigurationError(`${LABEL}: \`login\` must be datagolLogin({ email, password })`);
  }
  const id = checkServiceAccountId(options.serviceAccountId);
  return withSafeDescription(
    {
      kind: "datagol service account",
      headerNames: ["authorization", "x-auth-token"],
      schemes: ["serviceToken", "jwtBearer"],
      authenticate() {
        throw new ConfigurationError(
          `${LABEL}: pass it to createDatagolClient({ auth }) rather than using it directly`,
        );
      },
      bind: (binding: AuthBinding) => bindServiceAccount(login, id, binding),
    },
    `[AuthStrategy serviceAccount ${id}]`,
  );
}

function bindServiceAccount(login: DatagolLogin, id: number | string, binding: AuthBinding): AuthStrategy {
  const jwt = login.bind(binding);
  // Token requests carry the JWT (and log in again when it is rejected), through the client's own options. The raw
  // typed client rather than generated methods: createDatagolApi + serviceAccount then carries no operation table.
  const idp = createBindingClient<paths>(binding, NAME, jwt);
  const token = createSession({
    headerName: "x-auth-token",
    renewOn: RENEW_ON,
    async login({ signal }) {
      const answer = await idp.api
        .GET("/idp/api/v1/company/serviceAccount/{serviceAccountId}/token", {
          params: { path: { serviceAccountId: id } },
          ...idp.requestInit({ signal }),
        })
        .then((result) => unwrap(result))
        .catch((error: unknown) => {
          throw renewalFailed(error, id);
        });
      if (typeof answer?.token !== "string" || answer.token.trim() === "") {
        throw new LoginFailedError(`${LABEL}: the token answer for service account ${id} carried no \`token\``, {
          status: 200,
        });
      }
      const seconds = answer.expiryInSeconds;
      const expiresIn = !answer.neverExpires && typeof seconds === "number" && seconds > 0 ? seconds : undefined;
      return { accessToken: answer.token, expiresIn };
    },
  });
  return byScheme(
    { serviceToken: Object.assign(token, { kind: "datagol service token" }), jwtBearer: jwt },
    { securityFor: securityForUrl, name: `${LABEL}(${id})` },
  );
}

function checkServiceAccountId(value: unknown): number | string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  // Not "." or "..": a URL would resolve them as path steps and send the token request elsewhere.
  if (typeof value === "string" && value.trim() !== "" && !/[/?#\s]/.test(value) && !/^\.{1,2}$/.test(value)) {
    return value;
  }
  throw new ConfigurationError(
    `${LABEL}: \`serviceAccountId\` must be the service account's id, such as 283 (the \`id\` createServiceAccount returns)`,
  );
}

/** A 4xx on the token request (no such service account, not an admin): every waiting call gets this error. */
function renewalFailed(error: unknown, id: number | string): unknown {
  if (!(error instanceof ApiError) || error.status >= 500 || error instanceof LoginFailedError) return error;
  return new LoginFailedError(`${LABEL}: getting a token for service account ${id} failed: ${error.message}`, {
    status: error.status,
    cause: error,
  });
}
