// The login/refresh session primitive that vendor flows (api-key exchange, password login) build on.
// Single-flight: however many requests find the token expired at once, one renewal runs and all wait
// for it. Each caller's AbortSignal stops only its own wait, never the shared renewal.
import { ApiError, type AuthStrategy, raceAbort } from "@dataclients/core";
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

export function createSession(options: SessionOptions): SessionAuth {
  const now = options.now ?? Date.now;
  const skewMs = (options.refreshSkewSeconds ?? DEFAULT_SKEW_SECONDS) * 1000;
  const headerName = (options.headerName ?? "authorization").toLowerCase();
  const prefix = options.headerPrefix ?? (headerName === "authorization" ? "Bearer " : "");
  const isRefreshRejected = options.isRefreshRejected ?? defaultIsRefreshRejected;
  let state: State | undefined;
  let renewal: Promise<State> | undefined;

  // Bumped by logout(): a renewal that started before it must not bring the old session back.
  let epoch = 0;

  function store(tokens: SessionTokens, startedIn: number, previousRefresh?: State): State {
    if (typeof tokens?.accessToken !== "string" || tokens.accessToken === "") {
      throw new Error("session: the login or refresh response carried no access token");
    }
    // Headers.set would reject it with a TypeError that quotes the value, i.e. the secret.
    if (/[\r\n\0]/.test(tokens.accessToken)) {
      throw new Error("session: the login or refresh response carried an access token with a line break or NUL");
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
    if (startedIn === epoch) state = next;
    return next;
  }

  async function renew(signal: AbortSignal): Promise<State> {
    const current = state;
    const startedIn = epoch;
    if (options.refresh && current?.refreshToken && now() < current.refreshExpiresAt) {
      try {
        return store(await options.refresh(current.refreshToken, { signal }), startedIn, current);
      } catch (error) {
        if (!isRefreshRejected(error)) throw error;
        // The refresh token was revoked or expired server-side: fall back to a full login.
      }
    }
    if (startedIn === epoch) state = undefined;
    return store(await options.login({ signal }), startedIn);
  }

  function renewOnce(): Promise<State> {
    if (!renewal) {
      const controller = new AbortController();
      const flight: Promise<State> = renew(controller.signal).finally(() => {
        // logout() may already have replaced this flight with a new one.
        if (renewal === flight) renewal = undefined;
      });
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

function defaultIsRefreshRejected(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403);
}
