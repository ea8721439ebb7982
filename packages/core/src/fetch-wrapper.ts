// The one place where retries, timeouts, redirects and authentication happen. openapi-fetch is given
// this fetch, so middleware cannot replay a request but this wrapper can: it keeps a replayable body (a
// stream is sent once, never buffered), applies the credential on every attempt, and owns one controller
// per call whose timer and signal listeners last until the response body is consumed (see call-controller).
import type { AuthContext, AuthStrategy } from "./auth-strategy.js";
import { DEFAULT_RENEW_ON } from "./auth-strategy.js";
import { CallController } from "./call-controller.js";
import { ConfigurationError, ConnectionError, DataclientsError, TimeoutError } from "./errors.js";
import { checkHeader, checkHeaders, headerValueProblem } from "./header-check.js";
import type { Logger } from "./logger.js";
import { describeNetworkError } from "./network-error.js";
import { DEFAULT_MAX_RESPONSE_BYTES, type RequestOptions } from "./options.js";
import { asPlatformResponse } from "./platform-response.js";
import { redactUrl, SECRET_HEADER_NAMES, secretFormsOf, shortUrl } from "./redact.js";
import { callerSignalOf, type PreparedBody, platformStreamsRequestBodies, prepareBody } from "./request-body.js";
import { type BodyKind, type ReadBodyOptions, readBody, responseError } from "./response-body.js";
import { guardResponse } from "./response-guard.js";
import { contextOf } from "./response-info.js";
import {
  backoffMs,
  failedBeforeSending,
  isIdempotent,
  isRetryableStatus,
  type RetryPolicy,
  retryDelayFor,
} from "./retry-policy.js";
import { anySignal } from "./signals.js";
import { sleep as defaultSleep } from "./sleep.js";
import type { Throttle } from "./throttle.js";

export { requestInfoOf } from "./response-info.js";

export interface FetchWrapperConfig {
  /** Credentials are sent only to this origin (scheme, host and port of the base URL). */
  origin: string;
  fetch?: typeof globalThis.fetch;
  auth?: AuthStrategy;
  /** Milliseconds per attempt: until the headers, and on to the end of a buffered body (idle time for a stream). */
  timeout: number;
  maxRetries: number;
  logger?: Logger;
  /** Cap on a buffered response body; default 64 MiB, 0 for none. */
  maxResponseBytes?: number;
  /** The vendor's retry rules for retryable statuses. */
  retryPolicy?: RetryPolicy;
  /** Request starts per second: each attempt waits its turn before its timer starts. */
  throttle?: Throttle;
  /** Injectable for tests: the wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: jitter source in [0, 1). */
  random?: () => number;
}

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** fetch, plus a buffered read that retries an idempotent request whose body broke off mid-way. */
export type FetchAndRead = (
  input: Request | string | URL,
  init: RequestInit | undefined,
  kind: BodyKind,
  options?: FetchAndReadOptions,
) => Promise<{ data: unknown; response: Response }>;

export interface FetchAndReadOptions extends ReadBodyOptions {
  /** Runs on each 2xx response before its body is read (a vendor's classifyResponse): may throw instead. */
  inspect?: (response: Response) => void | Promise<void>;
}

const MAX_REDIRECTS = 20;
const NO_BODY: PreparedBody = { kind: "none" };
// Browsers hide redirect targets from fetch, so there a credentialed request must not follow one.
const IN_BROWSER = typeof (globalThis as { document?: unknown }).document !== "undefined";

interface PreparedCall {
  method: string;
  /** The request's URL, normalized (as `new URL(…).href`). */
  url: string;
  headers: Headers;
  body: PreparedBody;
  signals: AbortSignal[];
}

export function createFetchWrapper(config: FetchWrapperConfig) {
  const baseFetch =
    config.fetch ?? ((input: Request | string | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const wait = config.sleep ?? defaultSleep;
  const random = config.random ?? Math.random;
  const origin = new URL(config.origin).origin;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const renewOn = config.auth?.renewOn ?? DEFAULT_RENEW_ON;
  const checkedAuthValues = new Map<string, string>();
  const credentialHeaders = [
    ...new Set([...SECRET_HEADER_NAMES, ...(config.auth?.headerNames ?? []).map((h) => h.toLowerCase())]),
  ];

  function prepare(
    input: Request | string | URL,
    init: RequestInit | undefined,
    call: RequestOptions,
  ): PreparedCall | Promise<PreparedCall> {
    const request = input instanceof Request ? input : undefined;
    const rawHeaders = init?.headers ?? request?.headers;
    const extra = call.headers;
    // A Headers object was checked when it was built; a record or a list of pairs would throw quoting the value.
    if (Array.isArray(rawHeaders)) {
      for (const pair of rawHeaders) checkHeader(String(pair[0]), pair[1], "request `headers`");
    } else if (rawHeaders && !(rawHeaders instanceof Headers)) {
      checkHeaders(rawHeaders as Record<string, unknown>, "request `headers`");
    }
    // Every attempt copies these before adding its credential, so a Request's own Headers need no copy here.
    const headers = rawHeaders instanceof Headers && !extra ? rawHeaders : new Headers(rawHeaders);
    if (extra) {
      checkHeaders(extra, "per-call `headers`");
      for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    }
    const signals: AbortSignal[] = [];
    // A DataclientsRequest (openapi-fetch's) knows the signal it was given: reading `request.signal` would make
    // Node create one for every request, and the call would subscribe to it.
    const requestSignal = request && callerSignalOf(request);
    if (requestSignal) signals.push(requestSignal);
    if (init?.signal) signals.push(init.signal);
    if (call.signal) signals.push(call.signal);
    const prepared: PreparedCall = {
      method: (init?.method ?? request?.method ?? "GET").toUpperCase(),
      // A Request's url is already normalized; a string is parsed here, so a bad one fails before any attempt.
      url: request ? request.url : new URL(String(input)).href,
      headers,
      body: NO_BODY,
      signals,
    };
    // Most calls carry no body: then nothing here waits (each await is a turn of the event loop per call).
    if (init?.body == null && (!request || request.body === null)) return prepared;
    return prepareBody(input, init).then((body) => {
      if (body.kind === "stream" && !platformStreamsRequestBodies()) {
        throw new ConfigurationError(
          "this platform cannot send a ReadableStream request body; pass a Blob, bytes or a string (a browser sends a Blob or File from disk without holding it in memory)",
        );
      }
      prepared.body = body;
      return prepared;
    });
  }

  /** Secret values for this attempt: every credential header it carries (and its token part), and more. */
  function secretsOf(headers: Headers, call: RequestOptions): string[] {
    const secrets: string[] = [];
    for (const name of credentialHeaders) {
      const value = headers.get(name);
      if (value) secrets.push(...secretFormsOf(value));
    }
    if (config.auth?.secretValues) secrets.push(...config.auth.secretValues());
    if (call.secretValues) secrets.push(...call.secretValues);
    return secrets;
  }

  /** Sets the credential; synchronous (no promise) for a strategy that sets a fixed value. */
  function authenticate(
    headers: Headers,
    href: string,
    controller: CallController,
    call: RequestOptions & Pick<AuthContext, "security">,
  ): void | Promise<void> {
    const auth = config.auth as AuthStrategy;
    const fail = (error: unknown): never => {
      // A strategy that honours the signal rejects with the platform's reason; callers get AbortError.
      if (controller.aborted) throw controller.abortError();
      // Headers.set quotes a bad value in its TypeError: that value is the credential.
      if (error instanceof TypeError && /header/i.test(error.message)) {
        throw new ConfigurationError(
          `auth strategy "${auth.kind}" produced a header value that cannot be sent (a line break, NUL or a character above U+00FF)`,
        );
      }
      throw error;
    };
    let pending: void | Promise<void>;
    try {
      // A generated method passes its operation's security alternatives, so a strategy can pick a credential.
      pending = auth.authenticate(headers, new AttemptAuthContext(href, controller.signal, call.security));
    } catch (error) {
      return fail(error);
    }
    if (pending) return pending.then(() => checkAuthHeaders(headers, auth), fail);
    checkAuthHeaders(headers, auth);
  }

  function checkAuthHeaders(headers: Headers, auth: AuthStrategy): void {
    for (const name of auth.headerNames) {
      const value = headers.get(name);
      // A strategy sends the same value call after call: it is checked once, not on every attempt.
      if (value === null || checkedAuthValues.get(name) === value) continue;
      if (headerValueProblem(value)) {
        throw new ConfigurationError(`auth strategy "${auth.kind}": the value of header "${name}" cannot be sent`);
      }
      checkedAuthValues.set(name, value);
    }
  }

  /** Sends with retries, renewal and redirects; the response's body stays under the call's controller (guarded). */
  async function run(
    prepared: PreparedCall,
    call: RequestOptions,
    maxRetries: number,
    install: boolean,
  ): Promise<Response> {
    const timeout = call.timeout ?? config.timeout;
    const controller = new CallController(prepared.signals, timeout);
    let baseHeaders = prepared.headers;
    const streaming = prepared.body.kind === "stream";
    let body = prepared.body.kind === "none" ? undefined : prepared.body.body;
    let { method, url } = prepared;
    let retries = 0;
    let renewed = false;
    let redirects = 0;
    const pause = async (ms: number) => {
      await wait(ms, controller.signal).catch((error: unknown) => {
        throw controller.aborted ? controller.abortError() : error;
      });
      if (controller.aborted) throw controller.abortError();
    };
    try {
      for (;;) {
        if (controller.aborted) throw controller.abortError();
        const toOrigin = isSameOrigin(url, origin);
        const headers = new Headers(baseHeaders);
        if (!toOrigin) for (const name of credentialHeaders) headers.delete(name);
        if (config.auth && toOrigin) {
          const pending = authenticate(headers, url, controller, call);
          if (pending) await pending;
        }
        // Computed only if an error or a scrub needs them: most calls never do.
        const secrets = () => secretsOf(headers, call);
        if (config.throttle && !config.throttle.tryAcquire()) {
          // Waiting for a turn is not the server's time: the attempt's timer starts after it.
          await config.throttle.acquire(controller.signal).catch((error: unknown) => {
            throw controller.aborted ? controller.abortError() : error;
          });
        }

        controller.startAttempt();
        const started = config.logger?.debug ? Date.now() : 0;
        const href = url;
        let response: Response;
        try {
          response = await baseFetch(href, {
            method,
            headers,
            body: body ?? null,
            signal: controller.signal,
            // Browsers hide a redirect's target from scripts: a credentialed request stops at the redirect
            // ("manual" yields an opaque redirect we can name, where "error" gives only "Failed to fetch").
            // A stream is never replayed, and Node 20 would copy it whole for "manual"/"follow".
            redirect: streaming ? "error" : IN_BROWSER && !config.auth ? "follow" : "manual",
            ...(streaming ? { duplex: "half" } : {}),
          } as RequestInit);
          // Another implementation's Response (an injected fetch): the guard needs the platform's.
          if (!(response instanceof Response)) response = await asPlatformResponse(response);
        } catch (error) {
          const timedOut = controller.takeTimeout();
          controller.disarm();
          if (controller.aborted) throw controller.abortError();
          if (error instanceof DataclientsError) throw error;
          if (streaming && isUnexpectedRedirect(error)) throw streamRedirectError(method, url);
          const replayable = !streaming && (isIdempotent(method) || (!timedOut && failedBeforeSending(error)));
          if (replayable && retries < maxRetries) {
            const delay = backoffMs(retries++, random);
            log(
              config.logger?.warn,
              `${method} ${shortUrl(url)} ${timedOut ? "timed out" : `failed (${describeNetworkError(error)})`}; retry ${retries}/${maxRetries} in ${delay} ms`,
            );
            await pause(delay);
            continue;
          }
          if (timedOut) throw new TimeoutError(timeout, method, redactUrl(url));
          throw new ConnectionError(
            `${method} ${shortUrl(url)} failed: ${describeNetworkError(error)}`,
            method,
            redactUrl(url),
            {
              cause: error,
            },
          );
        }
        // The attempt's timer keeps running: a response returned to the caller is read under the same deadline;
        // every branch below that waits or sends again disarms it first.
        // Built only when someone reads it: redacting the URL on every response was ~3% of a call's CPU.
        if (config.logger?.debug) {
          log(config.logger.debug, `${method} ${shortUrl(url)} → ${response.status} in ${Date.now() - started} ms`);
        }

        if (response.type === "opaqueredirect") {
          throw new ConnectionError(
            `${method} ${shortUrl(url)} was redirected, and a browser hides the target from scripts, so the request (which carries credentials) was not followed; use a client without \`auth\` for public downloads, or make this call from a server`,
            method,
            redactUrl(url),
          );
        }
        const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
        if (location) {
          controller.disarm();
          await discard(response);
          if (streaming) throw streamRedirectError(method, url);
          if (++redirects > MAX_REDIRECTS) {
            throw new ConnectionError(
              `${method} ${shortUrl(url)}: more than ${MAX_REDIRECTS} redirects`,
              method,
              redactUrl(url),
            );
          }
          const next = resolveLocation(location, url, method);
          // 303 (and 301/302 after a POST, as browsers do) turns into a body-less GET.
          if (
            (response.status === 303 && method !== "HEAD") ||
            ((response.status === 301 || response.status === 302) && method === "POST")
          ) {
            method = "GET";
            body = undefined;
            baseHeaders = new Headers(baseHeaders);
            baseHeaders.delete("content-type");
          } else if (body !== undefined && next.origin !== origin) {
            throw new ConnectionError(
              `${method} ${shortUrl(url)} was redirected (${response.status}) to another origin (${next.origin}); the request body is not replayed there`,
              method,
              redactUrl(url),
            );
          }
          url = next.href;
          continue;
        }

        if (renewOn.includes(response.status) && config.auth?.onUnauthorized && !renewed && toOrigin) {
          renewed = true;
          controller.disarm();
          if (streaming) {
            log(
              config.logger?.info,
              `${method} ${shortUrl(url)} got ${response.status}; a streamed body cannot be replayed`,
            );
          } else {
            // The response is returned as is when the strategy cannot renew, so its body is kept until then.
            const renew = await config.auth
              .onUnauthorized({ sentHeaders: headers, signal: controller.signal, status: response.status })
              .catch((error: unknown) => {
                throw controller.aborted ? controller.abortError() : error;
              });
            if (renew) {
              await discard(response);
              log(
                config.logger?.info,
                `${method} ${shortUrl(url)} got ${response.status}; credential renewed, replaying once`,
              );
              continue;
            }
          }
        } else if (isRetryableStatus(response.status) && isIdempotent(method) && !streaming && retries < maxRetries) {
          const delay = retryDelayFor(response.status, response.headers, retries, config.retryPolicy, random);
          if (delay !== undefined) {
            controller.disarm();
            retries++;
            await discard(response);
            log(
              config.logger?.warn,
              `${method} ${shortUrl(url)} → ${response.status}; retry ${retries}/${maxRetries} in ${delay} ms`,
            );
            await pause(delay);
            continue;
          }
        }
        // The controller now belongs to the body: it ends when the body is read, cancelled or fails.
        const abortsBody = config.fetch === undefined;
        return guardResponse(
          response,
          { controller, method, url: href, secrets, maxBytes, retries, abortsBody },
          install,
        );
      }
    } catch (error) {
      controller.dispose();
      throw error;
    }
  }

  function send(input: Request | string | URL, init: RequestInit | undefined, call: RequestOptions) {
    const maxRetries = call.maxRetries ?? config.maxRetries;
    let prepared: PreparedCall | Promise<PreparedCall>;
    try {
      prepared = prepare(input, init, call);
    } catch (error) {
      return Promise.reject(error);
    }
    if (prepared instanceof Promise) return prepared.then((ready) => run(ready, call, maxRetries, true));
    return run(prepared, call, maxRetries, true);
  }

  /**
   * fetch + readBody, retrying an idempotent request with a replayable body whose response broke off
   * mid-body (reset, truncation, body timeout) within the same `maxRetries` budget. A non-2xx answer
   * throws its typed ApiError.
   */
  async function fetchAndRead(
    input: Request | string | URL,
    init: RequestInit | undefined,
    kind: BodyKind,
    options: FetchAndReadOptions | undefined,
    call: RequestOptions,
  ): Promise<{ data: unknown; response: Response }> {
    const prepared = await prepare(input, init, call);
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const rereadable = isIdempotent(prepared.method) && prepared.body.kind !== "stream";
    let spent = 0;
    for (;;) {
      // Read here through its guard (contextOf): its readers need swapping only if a vendor hook may read it.
      const response = await run(prepared, call, maxRetries - spent, options?.inspect !== undefined);
      spent += contextOf(response)?.retries ?? 0;
      if (!response.ok) throw await responseError(response, options);
      if (options?.inspect) {
        try {
          await options.inspect(response);
        } catch (error) {
          await cancelBody(response);
          throw error;
        }
      }
      try {
        return { data: await readBody(response, kind, options), response };
      } catch (error) {
        const midBody =
          (error instanceof ConnectionError && error.status !== undefined) ||
          (error instanceof TimeoutError && error.phase === "body");
        if (!(midBody && rereadable && spent < maxRetries)) throw error;
        const delay = backoffMs(spent++, random);
        log(
          config.logger?.warn,
          `${prepared.method} ${shortUrl(prepared.url)}: the response body broke off; retry ${spent}/${maxRetries} in ${delay} ms`,
        );
        await wait(delay, anySignal(prepared.signals));
      }
    }
  }

  /** A fetch with per-call options (signal, timeout, maxRetries, headers, secretValues) bound. */
  function withOptions(call: RequestOptions = {}): FetchLike {
    return (input, init) => send(input, init, call);
  }

  /** fetchAndRead with per-call options bound. */
  function readerWithOptions(call: RequestOptions = {}): FetchAndRead {
    return (input, init, kind, options) => fetchAndRead(input, init, kind, options, call);
  }

  return { fetch: withOptions({}), withOptions, fetchAndRead: readerWithOptions({}), readerWithOptions };
}

/** Whether a normalized URL is on `origin` (scheme://host[:port], as URL.origin gives it), without parsing it. */
function isSameOrigin(href: string, origin: string): boolean {
  if (!href.startsWith(origin)) return false;
  const next = href.charCodeAt(origin.length);
  // End, "/", "?" or "#": the authority ends exactly where the origin does ("https://a.b.evil" or "@" do not).
  return Number.isNaN(next) || next === 47 || next === 63 || next === 35;
}

function resolveLocation(location: string, url: string, method: string): URL {
  let next: URL;
  try {
    next = new URL(location, url);
  } catch {
    throw new ConnectionError(`${method} ${shortUrl(url)} was redirected to an invalid URL`, method, redactUrl(url));
  }
  // data:, file:, javascript: … are never fetched on a server's say-so.
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new ConnectionError(
      `${method} ${shortUrl(url)} was redirected to a ${next.protocol} URL; only http(s) redirects are followed`,
      method,
      redactUrl(url),
    );
  }
  return next;
}

function streamRedirectError(method: string, url: string): ConnectionError {
  return new ConnectionError(
    `${method} ${shortUrl(url)} was redirected, and a streamed request body is sent once and never replayed, so the redirect was not followed; send the body as a Blob or bytes to allow redirects, or use the final URL`,
    method,
    redactUrl(url),
  );
}

/** What a strategy learns about the attempt; the URL object is built only for a strategy that reads it. */
class AttemptAuthContext implements AuthContext {
  #parsed: URL | undefined;
  readonly #href: string;

  constructor(
    href: string,
    readonly signal: AbortSignal,
    readonly security: AuthContext["security"],
  ) {
    this.#href = href;
  }

  get url(): URL {
    this.#parsed ??= new URL(this.#href);
    return this.#parsed;
  }
}

function isUnexpectedRedirect(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } })?.cause;
  return /redirect/i.test(String(cause?.message ?? "")) || /redirect/i.test(String((error as Error)?.message ?? ""));
}

/** Releases an unread guarded body (and its call). */
async function cancelBody(response: Response): Promise<void> {
  const context = contextOf(response);
  if (context) return context.cancel();
  await response.body?.cancel().catch(() => {});
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}

function log(sink: ((message: string) => void) | undefined, message: string): void {
  sink?.(`[dataclients] ${message}`);
}
