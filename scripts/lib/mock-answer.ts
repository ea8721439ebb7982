// The answer the mock proxy sends for Prism's: the api-error 200 a request asked for, or Prism's answer through
// the spec's paging step (buffered and re-serialised only when the step rewrites a 2xx JSON body, streamed
// otherwise), always with a request id. Reports the exchange with the status the client sees.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { ApiErrorAnswer } from "./api-error.js";
import type { PagingRequest, PagingStep } from "./paging/index.js";
import { isJson, parseJson, readBody, withoutHopByHop } from "./proxy-http.js";
import { parseViolations, type Violation } from "./violations.js";

export interface AnswerPlan {
  apiError?: ApiErrorAnswer;
  paging?: PagingStep;
  pagingRequest: PagingRequest;
  report(status: number, violations: Violation[]): void;
}

export function sendAnswer(res: ServerResponse, upstreamRes: IncomingMessage, plan: AnswerPlan): void {
  const status = upstreamRes.statusCode ?? 502;
  const violations = parseViolations(upstreamRes.headers["sl-violations"]);
  const headers = withoutHopByHop(upstreamRes.headers) as OutgoingHttpHeaders;
  headers["x-request-id"] ??= randomUUID();
  const ok = status >= 200 && status < 300;
  const { paging, pagingRequest } = plan;

  if (plan.apiError && ok) {
    upstreamRes.resume();
    plan.report(200, violations);
    sendApiError(res, headers, plan.apiError);
    return;
  }
  if (paging?.rewritesBody && ok && isJson(upstreamRes.headers["content-type"])) {
    readBody(upstreamRes, Number.POSITIVE_INFINITY).then(
      (raw) => {
        const parsed = parseJson(raw);
        const answer = paging.rewrite(pagingRequest, { headers, body: parsed });
        const out = parsed === undefined ? raw : Buffer.from(JSON.stringify(answer.body));
        const outHeaders = answer.headers as OutgoingHttpHeaders;
        outHeaders["content-length"] = out.length;
        plan.report(status, violations);
        res.writeHead(status, upstreamRes.statusMessage, outHeaders);
        res.end(out);
      },
      (error: Error) => res.destroy(error),
    );
    return;
  }
  const finalHeaders = paging ? (paging.rewrite(pagingRequest, { headers }).headers as OutgoingHttpHeaders) : headers;
  plan.report(status, violations);
  res.writeHead(status, upstreamRes.statusMessage, finalHeaders);
  upstreamRes.pipe(res);
}

function sendApiError(res: ServerResponse, prismHeaders: OutgoingHttpHeaders, answer: ApiErrorAnswer): void {
  const headers: OutgoingHttpHeaders = {};
  // Keep CORS and the request id; the rest described Prism's example body, which is not sent.
  for (const [name, value] of Object.entries(prismHeaders)) {
    if (name.startsWith("access-control-") || name === "x-request-id" || name === "vary") headers[name] = value;
  }
  const body = Buffer.from(answer.body, "utf8");
  headers["content-type"] = answer.contentType;
  headers["content-length"] = body.length;
  headers[answer.header.toLowerCase()] = answer.headerValue;
  res.writeHead(200, headers);
  res.end(body);
}
