// The login/refresh session primitive that vendor flows (api-key exchange, password login) build on.
// Single-flight: however many requests find the token expired at once, one renewal runs and all wait
// for it. Each caller's AbortSignal stops only its own wait, never the shared renewal.
import {
  ApiError,
  type AuthStrategy,
  ConfigurationError,
  DataclientsError,
  DEFAULT_RENEW_ON,
  describeValue,
  raceAbort,
} from "@dataclients/core";
import { LoginFailedError, RenewalTimeoutError } from "./errors.js";
import { withSafeDescription } from "./inspect.js";

export interface SessionTokens {
  accessToken: string;
  /** Seconds the access token lives, as the server says (e.g. 600). Absent: renew only on a 401. */
  expiresIn?: number;
  /** A token that renews the access token without the long-lived credential. */
  refreshToken?: string;
  /** Seconds the refresh token lives. */
  refreshExpiresIn?: number;
}

export interface SessionOptions {
  /** Obtains tokens from the long-lived credential (api key, password). */
  login(context: { signal: AbortSignal }): Promise<SessionTokens>;
  /** Exchanges a refresh token for new tokens; a returned refresh token replaces the stored one. */
  refresh?(refreshToken: string, context: { signal: AbortSignal }): Promise<SessionTokens>;
  /** Renew this many seconds before expiry (capped at half the token's lifetime). Default 30. */
  refreshSkewSeconds?: number;
  /** Header that carries the access token. Default "authorization" with the "Bearer " prefix. */
  headerName?: string;
  /** Prefix before the token in the header. Default "Bearer " for authorization, "" otherwise. */
  headerPrefix?: string;
  /** Which refresh failures mean "log in again". Default: an ApiError with status 400, 401 or 403. */
  isRefreshRejected?(error: unknown): boolean;
  /**
   * Statuses that mean "the access token is no longer good, renew it and replay once". Default [401];
   * a vendor that answers an expired token with 403 passes [401, 403].
   */
  renewOn?: readonly number[];
  /**
   * Longest a renewal (login or refresh) may take before its waiters fail with RenewalTimeoutError and the
   * next request starts a new one; its `signal` aborts then. Default 300 000 ms (a login through the client
   * is already bounded by the client's timeout and retries; this catches one that never settles).
   */
  renewalTimeout?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

export interface SessionAuth extends AuthStrategy {
  /** The current access token, renewed first when it is missing or about to expire. */
  getAccessToken(options?: { signal?: AbortSignal }): Promise<string>;
  /** Forgets the access token, so the next request renews it (the refresh token is kept). */
  invalidate(): void;
  /** Forgets everything: the next request logs in again. */
  logout(): void;
}

interface State {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string | undefined;
  refreshExpiresAt: number;
}

const DEFAULT_SKEW_SECONDS = 30;
const DEFAULT_RENEWAL_TIMEOUT_MS = 300_000;
// Headers.set would reject such a value with a TypeError that quotes it, i.e. the secret.
const UNSENDABLE = /[\0\r\n]|[^\0-\u00ff]/;

export function createSession(options: SessionOptions): SessionAuth {
  checkSessionOptions(options);
  const now = options.now ?? Date.now;
  const skewMs = (options.refreshSkewSeconds ?? DEFAULT_SKEW_SECONDS) * 1000;
  const headerName = (options.headerName ?? "authorization").toLowerCase();
  const prefix = options.headerPrefix ?? (headerName === "authorization" ? "Bearer " : "");
  const isRefreshRejected = options.isRefreshRejected ?? defaultIsRefreshRejected;
  const renewalTimeout = options.renewalTimeout ?? DEFAULT_RENEWAL_TIMEOUT_MS;
  let state: State | undefined;
  let renewal: Promise<State> | undefined;

  // Bumped by logout(): a renewal that started before it must not bring the old session back.
  let epoch = 0;

  function store(tokens: SessionTokens, live: () => boolean, previousRefresh?: State): State {
    if (typeof tokens?.accessToken !== "string" || tokens.accessToken === "") {
      throw new LoginFailedError("session: the login or refresh response carried no access token");
    }
    if (UNSENDABLE.test(tokens.accessToken)) {
      throw new LoginFailedError(
        "session: the login or refresh response carried an access token with a line break, NUL or a character above U+00FF, which cannot be sent in a header",
      );
    }
    const at = now();
    const lifetimeMs = tokens.expiresIn === undefined ? Number.POSITIVE_INFINITY : tokens.expiresIn * 1000;
    const keepOldRefresh = tokens.refreshToken === undefined && previousRefresh !== undefined;
    const next: State = {
      accessToken: tokens.accessToken,
      accessExpiresAt: at + lifetimeMs - Math.min(skewMs, lifetimeMs / 2),
      refreshToken: keepOldRefresh ? previousRefresh.refreshToken : tokens.refreshToken,
      refreshExpiresAt: keepOldRefresh
        ? previousRefresh.refreshExpiresAt
        : tokens.refreshExpiresIn === undefined
          ? Number.POSITIVE_INFINITY
          : at + tokens.refreshExpiresIn * 1000,
    };
    if (live()) state = next;
    return next;
  }

  async function renew(signal: AbortSignal, live: () => boolean): Promise<State> {
    const current = state;
    if (options.refresh && current?.refreshToken && now() < current.refreshExpiresAt) {
      try {
        return store(await options.refresh(current.refreshToken, { signal }), live, current);
      } catch (error) {
        if (!isRefreshRejected(error)) throw sessionFailure(error, "refresh");
        // The refresh token was revoked or expired server-side: fall back to a full login.
      }
    }
    if (live()) state = undefined;
    let tokens: SessionTokens;
    try {
      tokens = await options.login({ signal });
    } catch (error) {
      throw sessionFailure(error, "login");
    }
    return store(tokens, live);
  }

  function renewOnce(): Promise<State> {
    if (!renewal) {
      const controller = new AbortController();
      const startedIn = epoch;
      let abandoned = false;
      // A flight is live until logout() (a new epoch) or its own timeout; a late answer is not stored.
      const live = () => !abandoned && startedIn === epoch;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stuck = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          abandoned = true;
          const error = new RenewalTimeoutError(renewalTimeout);
          controller.abort(error);
          reject(error);
        }, renewalTimeout);
      });
      const flight: Promise<State> = Promise.race([renew(controller.signal, live), stuck]).finally(() => {
        clearTimeout(timer);
        // logout() (or the timeout) may already have replaced this flight with a new one.
        if (renewal === flight) renewal = undefined;
      });
      // The losing side of the race must not become an unhandled rejection.
      stuck.catch(() => {});
      renewal = flight;
    }
    return renewal;
  }

  async function getAccessToken({ signal }: { signal?: AbortSignal } = {}): Promise<string> {
    if (state && now() < state.accessExpiresAt) return state.accessToken;
    const renewed = await raceAbort(renewOnce(), signal);
    return renewed.accessToken;
  }

  const session: SessionAuth = {
    kind: "session",
    headerNames: [headerName],
    renewOn: options.renewOn ?? DEFAULT_RENEW_ON,
    async authenticate(headers, { signal }) {
      headers.set(headerName, `${prefix}${await getAccessToken({ signal })}`);
    },
    async onUnauthorized({ sentHeaders, signal }) {
      const sent = sentHeaders.get(headerName);
      // Another request already renewed the token since this one was sent: just replay.
      if (state && sent !== `${prefix}${state.accessToken}`) return true;
      if (state) state.accessExpiresAt = Number.NEGATIVE_INFINITY;
      await raceAbort(renewOnce(), signal);
      return true;
    },
    // The refresh token never goes into a header, so the wrapper would not know to scrub an echo of it.
    secretValues: () => (state ? [state.accessToken, state.refreshToken].filter((v): v is string => !!v) : []),
    getAccessToken,
    invalidate() {
      if (state) state.accessExpiresAt = Number.NEGATIVE_INFINITY;
    },
    logout() {
      epoch++;
      state = undefined;
      renewal = undefined;
    },
  };
  return withSafeDescription(session, "[AuthStrategy session]");
}

/** JavaScript callers get a message that names the option, not a renewal that never ends or never starts. */
function checkSessionOptions(options: SessionOptions): void {
  if (typeof options !== "object" || options === null || typeof options.login !== "function") {
    throw new ConfigurationError("createSession(options): `login` must be a function returning the tokens");
  }
  const timeout: unknown = options.renewalTimeout;
  if (timeout !== undefined && !(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0)) {
    throw new ConfigurationError(
      `createSession(options): \`renewalTimeout\` must be a positive number of milliseconds; got ${describeValue(timeout)}`,
    );
  }
  const renewOn: unknown = options.renewOn;
  if (
    renewOn !== undefined &&
    !(Array.isArray(renewOn) && renewOn.every((s) => Number.isInteger(s) && s >= 400 && s <= 599))
  ) {
    throw new ConfigurationError(
      "createSession(options): `renewOn` must be a list of HTTP error statuses, e.g. [401, 403]",
    );
  }
}

/**
 * What a failed login or refresh becomes: core's errors (already redacted) pass through; anything else
 * (a SyntaxError quoting the token exchange's body, a vendor flow's plain Error) becomes a LoginFailedError
 * that names only the error's kind.
 */
function sessionFailure(error: unknown, step: "login" | "refresh"): unknown {
  if (error instanceof DataclientsError) return error;
  if (error instanceof SyntaxError) {
    return new LoginFailedError(`session: the ${step} response was not valid JSON`);
  }
  const kind = error instanceof Error ? error.name : typeof error;
  return new LoginFailedError(
    `session: ${step} failed (${kind}); the original error is not kept, as it may quote a secret`,
  );
}

function defaultIsRefreshRejected(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403);
}
