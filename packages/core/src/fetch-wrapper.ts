// The one place where retries, timeouts, redirects and authentication happen. openapi-fetch is given
// this fetch, so middleware cannot replay a request but this wrapper can: it keeps a replayable copy
// of the body, applies the credential on every attempt, and owns the per-attempt timer.
import type { AuthStrategy } from "./auth-strategy.js";
import { ConnectionError, TimeoutError } from "./errors.js";
import type { Logger } from "./logger.js";
import type { RequestOptions } from "./options.js";
import { redactUrl, SECRET_HEADER_NAMES } from "./redact.js";
import {
  backoffMs,
  failedBeforeSending,
  isIdempotent,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
} from "./retry-policy.js";
import { anySignal } from "./signals.js";
import { abortErrorFrom, sleep as defaultSleep, MAX_TIMER_MS } from "./sleep.js";

export interface FetchWrapperConfig {
  /** Credentials are sent only to this origin (scheme, host and port of the base URL). */
  origin: string;
  fetch?: typeof globalThis.fetch;
  auth?: AuthStrategy;
  timeout: number;
  maxRetries: number;
  logger?: Logger;
  /** Injectable for tests: the wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: jitter source in [0, 1). */
  random?: () => number;
}

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

const MAX_REDIRECTS = 20;
// Browsers hide redirect targets from fetch, so there a credentialed request must not follow one.
const IN_BROWSER = typeof (globalThis as { document?: unknown }).document !== "undefined";

interface ResponseInfo {
  method: string;
  url: string;
}
const responseInfo = new WeakMap<Response, ResponseInfo>();

/** The method and final URL that produced a response returned by the wrapper. */
export function requestInfoOf(response: Response): ResponseInfo | undefined {
  return responseInfo.get(response);
}

export function createFetchWrapper(config: FetchWrapperConfig) {
  const baseFetch =
    config.fetch ?? ((input: Request | string | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const wait = config.sleep ?? defaultSleep;
  const random = config.random ?? Math.random;
  const origin = new URL(config.origin).origin;
  const credentialHeaders = new Set([
    ...SECRET_HEADER_NAMES,
    ...(config.auth?.headerNames ?? []).map((h) => h.toLowerCase()),
  ]);

  async function send(
    input: Request | string | URL,
    init: RequestInit | undefined,
    call: RequestOptions,
  ): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const timeout = call.timeout ?? config.timeout;
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const userSignal = anySignal([request.signal, call.signal]);
    let method = request.method.toUpperCase();
    let body: ArrayBuffer | undefined = request.body ? await request.arrayBuffer() : undefined;
    let url = new URL(request.url);
    const baseHeaders = new Headers(request.headers);
    for (const [name, value] of Object.entries(call.headers ?? {})) baseHeaders.set(name, value);

    let retries = 0;
    let reauthenticated = false;
    let redirects = 0;
    for (;;) {
      if (userSignal?.aborted) throw abortErrorFrom(userSignal);
      const toOrigin = url.origin === origin;
      const headers = new Headers(baseHeaders);
      if (!toOrigin) for (const name of credentialHeaders) headers.delete(name);
      try {
        if (config.auth && toOrigin) await config.auth.authenticate(headers, { url, signal: userSignal });
      } catch (error) {
        // A strategy that honours the signal rejects with the platform's reason; callers get AbortError.
        throw userSignal?.aborted ? abortErrorFrom(userSignal) : error;
      }

      // AbortSignal.any is most of the wrapper's cost (about 12 µs on Node 20, see bench/), but unlike a
      // hand-added listener it keeps aborting the body read after the headers arrived, and it adds no listener
      // to the caller's signal (so no MaxListenersExceededWarning when many calls share one signal).
      const timer = new AbortController();
      const timeoutId = setTimeout(() => timer.abort(), Math.min(timeout, MAX_TIMER_MS));
      const started = Date.now();
      let response: Response;
      try {
        response = await baseFetch(url.toString(), {
          method,
          headers,
          body: body ?? null,
          signal: anySignal([userSignal, timer.signal]) ?? null,
          // Browsers hide a redirect's target from scripts: a credentialed request stops at the redirect
          // ("manual" yields an opaque redirect we can name, where "error" gives only "Failed to fetch").
          redirect: IN_BROWSER && !config.auth ? "follow" : "manual",
        });
      } catch (error) {
        if (userSignal?.aborted) throw abortErrorFrom(userSignal);
        const timedOut = timer.signal.aborted;
        const replayable = isIdempotent(method) || (!timedOut && failedBeforeSending(error));
        if (replayable && retries < maxRetries) {
          const delay = backoffMs(retries++, random);
          log(
            config.logger?.warn,
            `${method} ${redactUrl(url)} ${timedOut ? "timed out" : "failed to connect"}; retry ${retries}/${maxRetries} in ${delay} ms`,
          );
          await wait(delay, userSignal);
          continue;
        }
        if (timedOut) throw new TimeoutError(timeout, method, redactUrl(url));
        throw new ConnectionError(
          `${method} ${redactUrl(url)} failed: ${describeNetworkError(error)}`,
          method,
          redactUrl(url),
          {
            cause: error,
          },
        );
      } finally {
        clearTimeout(timeoutId);
      }
      log(config.logger?.debug, `${method} ${redactUrl(url)} → ${response.status} in ${Date.now() - started} ms`);

      if (response.type === "opaqueredirect") {
        throw new ConnectionError(
          `${method} ${redactUrl(url)} was redirected, and a browser hides the target from scripts, so the request (which carries credentials) was not followed; use a client without \`auth\` for public downloads, or make this call from a server`,
          method,
          redactUrl(url),
        );
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        if (++redirects > MAX_REDIRECTS)
          throw new ConnectionError(
            `${method} ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`,
            method,
            redactUrl(url),
          );
        await discard(response);
        const next = new URL(location, url);
        // 303 (and 301/302 after a POST, as browsers do) turns into a body-less GET.
        if (
          (response.status === 303 && method !== "HEAD") ||
          ((response.status === 301 || response.status === 302) && method === "POST")
        ) {
          method = "GET";
          body = undefined;
          baseHeaders.delete("content-type");
        } else if (body !== undefined && next.origin !== origin) {
          throw new ConnectionError(
            `${method} ${redactUrl(url)} was redirected (${response.status}) to another origin (${next.origin}); the request body is not replayed there`,
            method,
            redactUrl(url),
          );
        }
        url = next;
        continue;
      }

      if (response.status === 401 && config.auth?.onUnauthorized && !reauthenticated && toOrigin) {
        reauthenticated = true;
        // The 401 is returned as is when the strategy cannot renew, so its body is kept until then.
        if (await config.auth.onUnauthorized({ sentHeaders: headers, signal: userSignal })) {
          await discard(response);
          log(config.logger?.info, `${method} ${redactUrl(url)} got 401; credential renewed, replaying once`);
          continue;
        }
        return finish(response, method, url);
      }

      if (isRetryableStatus(response.status) && isIdempotent(method) && retries < maxRetries) {
        const asked = retryAfterMs(response.headers);
        if (asked === undefined || asked <= MAX_RETRY_AFTER_MS) {
          const delay = asked ?? backoffMs(retries, random);
          retries++;
          await discard(response);
          log(
            config.logger?.warn,
            `${method} ${redactUrl(url)} → ${response.status}; retry ${retries}/${maxRetries} in ${delay} ms`,
          );
          await wait(delay, userSignal);
          continue;
        }
      }
      return finish(response, method, url);
    }
  }

  function finish(response: Response, method: string, url: URL): Response {
    responseInfo.set(response, { method, url: url.toString() });
    return response;
  }

  /** A fetch with per-call options (signal, timeout, maxRetries, headers) bound. */
  function withOptions(call: RequestOptions = {}): FetchLike {
    return (input, init) => send(input, init, call);
  }

  return { fetch: withOptions({}), withOptions };
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `could not connect (${cause.code})`;
  return error instanceof Error ? error.message : String(error);
}

function log(sink: ((message: string) => void) | undefined, message: string): void {
  sink?.(`[dataclients] ${message}`);
}
