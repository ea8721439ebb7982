// datagolLogin: email and password → the user JWT, as the vendor's guide documents it (step 1: POST
// /idp/api/v1/user/login, "extract JWT from Authorization header"). Logs in again when a request is rejected
// (401/403, the vendor's advice) and shortly before the JWT's `exp`.
import {
  createSession,
  jwtLifetimeSeconds,
  LoginFailedError,
  type SessionAuth,
  withSafeDescription,
} from "@dataclients/auth";
import {
  ApiError,
  type AuthBinding,
  ConfigurationError,
  createBindingClient,
  requireNonEmpty,
  unwrap,
} from "@dataclients/core";
import type { paths } from "../generated/schema.js";
import { type DatagolCredentials, NAME } from "./binding.js";
import { jwtFromAuthorizationHeader } from "./jwt.js";

export interface DatagolLoginOptions {
  /** The user's e-mail address. */
  email: string;
  /** The user's password (sent only in the login request's body; scrubbed from every error). */
  password: string;
}

/** The JWT session of a client, bound to it: `Authorization: Bearer <JWT>` for the `jwtBearer` scheme. */
export type DatagolJwtSession = SessionAuth;

export interface DatagolLogin extends DatagolCredentials {
  bind(binding: AuthBinding): DatagolJwtSession;
}

/** The statuses after which DataGOL says to get a new credential. */
export const RENEW_ON: readonly number[] = [401, 403];

const LABEL = `${NAME} datagolLogin`;

/**
 * A user's e-mail and password: the client logs in on first use (POST /idp/api/v1/user/login, the JWT read from
 * the `Authorization` response header) and sends `Authorization: Bearer <JWT>` to every endpoint (IdP and noCo
 * accept it). Pass it alone, or as `serviceAccount({ login })` to send a service token to the noCo endpoints.
 */
export function datagolLogin(options: DatagolLoginOptions): DatagolLogin {
  if (typeof options !== "object" || options === null)
    throw new ConfigurationError(`${LABEL}: pass { email, password }`);
  const email = requireNonEmpty(options.email, "email", LABEL, "the user's e-mail address");
  const password = requireNonEmpty(options.password, "password", LABEL);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new ConfigurationError(`${LABEL}: \`email\` "${email}" is not an e-mail address`);
  }
  return withSafeDescription(
    {
      kind: "datagol login",
      headerNames: ["authorization"],
      schemes: ["jwtBearer"],
      authenticate() {
        throw new ConfigurationError(
          `${LABEL}: pass it to createDatagolClient({ auth }) rather than using it directly`,
        );
      },
      bind: (binding: AuthBinding) => bindLogin(email, password, binding),
    },
    `[AuthStrategy datagolLogin ${email}]`,
  );
}

function bindLogin(email: string, password: string, binding: AuthBinding): DatagolJwtSession {
  // The login goes through a credential-free twin of the client: same base URL, fetch, timeouts and retries.
  const idp = createBindingClient<paths>(binding, NAME);
  const session = createSession({
    renewOn: RENEW_ON,
    async login({ signal }) {
      const result = await idp.api.POST("/idp/api/v1/user/login", {
        body: { email, password },
        ...idp.requestInit({ signal, secretValues: [password] }),
      });
      try {
        unwrap(result);
      } catch (error) {
        throw loginRejected(error);
      }
      const token = jwtFromAuthorizationHeader(result.response.headers.get("authorization"));
      return { accessToken: token, expiresIn: jwtLifetimeSeconds(token) };
    },
  });
  return Object.assign(session, { kind: "datagol login", schemes: ["jwtBearer"] as const });
}

/** A 4xx answer to a login is about the credentials: LoginFailedError (an AuthenticationError) that says so. */
function loginRejected(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status >= 500) return error;
  return new LoginFailedError(`${LABEL}: the login was refused; check the e-mail and password (${error.message})`, {
    status: error.status,
    cause: error,
  });
}
