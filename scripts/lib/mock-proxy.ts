// The request handler in front of Prism. In order: serve only under the vendor's base path (Prism ignores it),
// encode `/` inside multi-segment path parameters as %2F (Prism cannot route them otherwise), take the
// `Prefer: api-error=` preference off the request (api-error.ts), forward to Prism, and shape the answer:
// the api-error 200, or the spec's paging step (paging/), and a request id. In proxy mode (Prism in front of
// the real service) only the base path is handled: the real answers pass through untouched, with Prism's
// `sl-violations` reported.
import { type Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { type ApiErrorAnswer, apiErrorAnswer, type DeclaredApiError, readApiErrorPreference } from "./api-error.js";
import { sendAnswer } from "./mock-answer.js";
import type { PagingStep } from "./paging/index.js";
import type { TemplateMatch } from "./path-templates.js";
import { isJson, parseJson, readBody, sendProblem, withoutHopByHop } from "./proxy-http.js";
import type { Violation } from "./violations.js";

/** A paging step reads JSON request bodies (the `body` style) up to this size; larger ones are refused. */
const JSON_BODY_LIMIT = 10 * 1024 * 1024;

export interface MockExchange {
  method: string;
  /** The path as the client sent it, base path and query removed (a multi-segment value may hold a literal `/`). */
  path: string;
  status: number;
  /** What Prism's proxy mode reported in `sl-violations`; empty for the mock. */
  violations: Violation[];
}

/** What every entrance of one mock shares. */
export interface ProxyTarget {
  displayName: string;
  basePath: string;
  /** Prism's internal port (set once it is chosen). */
  upstream: { port: number };
  agent: Agent;
  /** false in proxy mode: no paging step, no api-error, no path rewriting. */
  simulate: boolean;
  paging?: PagingStep;
  /** The spec's x-dataclients-mock.api-error, if any (header name, the bare preference's answer). */
  apiError?: DeclaredApiError;
  matchTemplate?: (method: string, path: string) => TemplateMatch | undefined;
  /** Requests to this path (Prism's readiness probe) are not reported. */
  probePath: string;
}

/** One listening address of the mock; several may share a Prism, each reporting its own traffic. */
export interface Entrance {
  origin: () => string;
  onExchange?: (exchange: MockExchange) => void;
}

export function proxyHandler(target: ProxyTarget, entrance: Entrance) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    forward(req, res, target, entrance).catch((error: unknown) => {
      if (res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
      else {
        sendProblem(res, 500, "proxy-error", { title: "Mock proxy error", detail: String(error) });
      }
    });
  };
}

/** The path Prism knows for a request under the base path, or undefined for a request outside it. */
export function stripBasePath(requestPath: string, basePath: string): string | undefined {
  if (basePath === "") return requestPath;
  const queryAt = requestPath.search(/[?#]/);
  const path = queryAt < 0 ? requestPath : requestPath.slice(0, queryAt);
  const query = queryAt < 0 ? "" : requestPath.slice(queryAt);
  if (path === basePath || path === `${basePath}/`) return `/${query}`;
  if (path.startsWith(`${basePath}/`)) return path.slice(basePath.length) + query;
  return undefined;
}

async function forward(req: IncomingMessage, res: ServerResponse, t: ProxyTarget, entrance: Entrance): Promise<void> {
  const requestPath = req.url ?? "/";
  const method = req.method ?? "GET";
  const target = stripBasePath(requestPath, t.basePath);
  if (target === undefined) {
    const base = t.basePath;
    const suggestion = `${entrance.origin()}${base}${requestPath.startsWith("/") ? "" : "/"}${requestPath}`;
    sendProblem(res, 404, "outside-base-path", {
      title: "Not under the mock's base path",
      detail: `The ${t.displayName} mock serves every path under the base path ${base} (use ${entrance.origin()}${base} as baseUrl): request ${suggestion}`,
    });
    return;
  }
  const queryAt = target.search(/[?#]/);
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const query = queryAt < 0 ? "" : target.slice(queryAt);

  const headers = withoutHopByHop(req.headers);
  let apiError: ApiErrorAnswer | undefined;
  let prismPath = path;
  if (t.simulate) {
    prismPath = t.matchTemplate?.(method, path)?.prismPath ?? path;
    const preference = readApiErrorPreference(headers.prefer);
    if (preference.kind === "invalid") {
      sendProblem(res, 400, "invalid-api-error-preference", {
        title: "Invalid Prefer: api-error",
        detail: preference.reason,
      });
      return;
    }
    if (preference.kind === "api-error") {
      const answer = apiErrorAnswer(preference.text, t.apiError);
      if (typeof answer === "string") {
        sendProblem(res, 400, "invalid-api-error-preference", { title: "Invalid Prefer: api-error", detail: answer });
        return;
      }
      apiError = answer;
      if (preference.prefer === undefined) delete headers.prefer;
      else headers.prefer = preference.prefer;
    }
  }

  const paging = t.simulate && apiError === undefined ? t.paging : undefined;
  let body: Buffer | undefined;
  let parsedBody: unknown;
  if (paging?.readsRequestBody && isJson(req.headers["content-type"])) {
    try {
      body = await readBody(req, JSON_BODY_LIMIT);
    } catch (error) {
      sendProblem(res, 413, "body-too-large", {
        title: "Request body too large for the mock",
        detail: `The mock reads JSON bodies to page them: ${(error as Error).message}`,
      });
      return;
    }
    parsedBody = parseJson(body);
    headers["content-length"] = String(body.length);
  }

  const upstreamReq = request(
    {
      host: "127.0.0.1",
      port: t.upstream.port,
      method,
      path: prismPath + query,
      headers,
      agent: t.agent,
    },
    (upstreamRes) =>
      sendAnswer(res, upstreamRes, {
        ...(apiError ? { apiError } : {}),
        ...(paging ? { paging } : {}),
        pagingRequest: { url: urlAsSent(requestPath, req.headers.host, entrance.origin()), body: parsedBody },
        report: (status, violations) => {
          if (path !== t.probePath) entrance.onExchange?.({ method, path, status, violations });
        },
      }),
  );
  upstreamReq.on("error", (error) => {
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    sendProblem(res, 502, "prism-unavailable", {
      title: "Prism is not answering",
      detail: `The ${t.displayName} mock's Prism process did not answer (${error.message}); is it still starting, or did it exit?`,
    });
  });
  // A client that goes away must not leave the upstream request hanging.
  res.on("close", () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  if (body) upstreamReq.end(body);
  else req.pipe(upstreamReq);
}

// The URL as the client sent it (its Host, the base path, the query), so paging links work from the client.
function urlAsSent(requestPath: string, host: string | undefined, origin: string): URL {
  try {
    if (host) return new URL(requestPath, `http://${host}`);
  } catch {
    // A Host header that is not a valid authority: fall back to the address we listen on.
  }
  return new URL(requestPath, origin);
}
