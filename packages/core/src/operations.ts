// The one function every generated method goes through: a descriptor (data, from the spec) plus the caller's
// arguments → a validated request through the fetch wrapper → data, a Download, a paginator, or a typed error.
// Signature of every generated method: op(...pathParams, input?, options?), where `input` is the query object,
// the body, or `{ query, body }` when the operation has both (the slot exists whenever the spec declares either,
// so adding a query parameter to a spec never shifts a caller's options).

import { describeValue } from "./describe-value.js";
import { encodeBody } from "./encode-body.js";
import { type ErrorHints, withErrorHint } from "./error-hints.js";
import { ConfigurationError } from "./errors.js";
import type { FetchAndRead, FetchLike } from "./fetch-wrapper.js";
import { type ClassifyResponse, readResponse } from "./operation-response.js";
import type { OperationDescriptor, OperationTable, PagingDescriptor } from "./operation-types.js";
import { type RequestOptions, validateCommonOptions } from "./options.js";
import type { PageIterator } from "./paginate.js";
import { paginateByEnvelope } from "./paginate-by-envelope.js";
import { checkPageSize, type PageQuery, paginateByHeaders } from "./paginate-by-headers.js";
import { fillPath } from "./path-params.js";
import { serializeQuery } from "./query.js";
import type { BodyInitLike } from "./request-body.js";

/** What the generic call needs from the client it belongs to. */
export interface OperationContext {
  /** The vendor's display name, for messages. */
  name: string;
  baseUrl: string;
  /** The fetch wrapper with per-call options bound. */
  fetchFor(call: CallOptions): FetchLike;
  /** The wrapper's fetch + buffered read (typed body errors, a broken-off idempotent read retried). */
  readerFor(call: CallOptions): FetchAndRead;
  /** The client's default headers (options.headers). */
  headers?: Record<string, string>;
  /** Whether the client has a credential strategy, and which security schemes it can satisfy (all when absent). */
  auth?: { schemes?: readonly string[] };
  /** How to pass a credential, for the message when one is missing ("auth: privateToken(token)"). */
  authHint: string;
  /** What the credential is called in that message ("an access token"); default "credentials (<schemes>)". */
  credentialName?: string;
  paging?: PagingDescriptor;
  classifyResponse?: ClassifyResponse;
  /** The vendor's advice per error status, appended to those errors' messages. */
  errorHints?: ErrorHints;
}

/** Per-call options as the wrapper receives them: the operation's security travels to the auth strategy. */
export interface CallOptions extends RequestOptions {
  security?: readonly (readonly string[])[];
}

interface CallArgs {
  pathValues: unknown[];
  query: unknown;
  body: unknown;
  hasBody: boolean;
  options: RequestOptions & { format?: string; maxPages?: number };
}

/** Splits `op(...pathParams, input?, options?)` into its parts, checking what a JavaScript caller may get wrong. */
function splitArgs(id: string, op: OperationDescriptor, args: unknown[], vendor: string): CallArgs {
  const count = op.params?.length ?? 0;
  const hasInput = op.query !== undefined || op.body !== undefined;
  const pathValues = args.slice(0, count);
  const input = hasInput ? args[count] : undefined;
  const options = (args[hasInput ? count + 1 : count] ?? {}) as CallArgs["options"];
  const expected = count + (hasInput ? 2 : 1);
  if (args.length > expected || typeof options !== "object" || options === null || Array.isArray(options)) {
    const names = [...(op.params ?? []).map(([name]) => name), ...(hasInput ? ["input"] : []), "options"];
    throw new ConfigurationError(`${vendor}: ${id}() takes (${names.join(", ")}); got ${args.length} arguments`);
  }
  if (op.query !== undefined && op.body !== undefined) {
    const both = (input ?? {}) as { query?: unknown; body?: unknown };
    if (typeof both !== "object" || Array.isArray(both)) {
      throw new ConfigurationError(
        `${vendor}: ${id}() takes its input as { query, body }; got ${describeValue(input)}`,
      );
    }
    return {
      pathValues,
      query: both.query,
      body: both.body,
      hasBody: "body" in both && both.body !== undefined,
      options,
    };
  }
  if (op.body !== undefined)
    return { pathValues, query: undefined, body: input, hasBody: input !== undefined, options };
  return { pathValues, query: input, body: undefined, hasBody: false, options };
}

function checkCredentials(id: string, op: OperationDescriptor, ctx: OperationContext): void {
  const { security } = op;
  if (security.length === 0 || security.some((alternative) => alternative.length === 0)) return;
  const schemes = ctx.auth?.schemes;
  const satisfied = ctx.auth && (!schemes || security.some((alt) => alt.every((scheme) => schemes.includes(scheme))));
  if (satisfied) return;
  const needed = ctx.credentialName ?? `credentials (${security.map((alt) => alt.join(" + ")).join(" or ")})`;
  throw new ConfigurationError(`${ctx.name}: ${id}() needs ${needed}; create the client with ${ctx.authHint}`);
}

interface PreparedRequest {
  url: string;
  init: RequestInit & { duplex?: "half" };
  call: CallOptions;
}

/** The URL, init and per-call options of one request of an operation (nothing is sent yet). */
function prepare(
  op: OperationDescriptor,
  ctx: OperationContext,
  path: string,
  query: unknown,
  args: CallArgs,
): PreparedRequest {
  const { format, maxPages: _maxPages, ...call } = args.options;
  const headers: Record<string, string> = { ...ctx.headers, ...call.headers };
  let body: BodyInitLike | undefined;
  if (op.body && args.hasBody) {
    const encoded = encodeBody(op.body, args.body, format, ctx.name);
    body = encoded.body;
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
    if (encoded.contentType && !hasType) headers["content-type"] = encoded.contentType;
  }
  const url = `${ctx.baseUrl}${path}${serializeQuery(query, op.query, ctx.name)}`;
  const init: PreparedRequest["init"] = { method: op.method, headers };
  if (body !== undefined) init.body = body;
  if (body instanceof ReadableStream) init.duplex = "half";
  return { url, init, call: { ...call, headers: undefined, security: op.security } };
}

/**
 * Sends one request and returns what its operation declares. A JSON answer goes through the wrapper's
 * fetchAndRead (a GET whose body broke off is read again; the vendor's classifyResponse runs before each read);
 * a download or no content need the response itself.
 */
async function execute(op: OperationDescriptor, ctx: OperationContext, request: PreparedRequest): Promise<unknown> {
  const { url, init, call } = request;
  if (op.response === "json") {
    const empty = op.emptyOk ? "undefined" : "error";
    const options = { expect: op.expect ?? "any", empty, inspect: ctx.classifyResponse } as const;
    const { data } = await ctx.readerFor(call)(url, init, "json", options);
    return data;
  }
  const response = await ctx.fetchFor(call)(url, init);
  return readResponse(response, op.response, {
    classify: ctx.classifyResponse,
    expect: op.expect,
    emptyOk: op.emptyOk,
  });
}

function listOf(
  id: string,
  op: OperationDescriptor,
  ctx: OperationContext,
  path: string,
  args: CallArgs,
): PageIterator<unknown> {
  const paging = ctx.paging;
  if (!paging || paging.style === "body") {
    throw new ConfigurationError(
      `${ctx.name}: ${id}() is marked as a list but the spec declares no query paging style`,
    );
  }
  const query = { ...((args.query ?? {}) as PageQuery) };
  if (op.list?.maxSize !== undefined)
    checkPageSize(query[paging.size], { param: paging.size, max: op.list.maxSize, name: ctx.name });
  const { maxPages, signal } = args.options;
  const page = async (pageQuery: PageQuery, pageSignal?: AbortSignal) => {
    const request = prepare(op, ctx, path, pageQuery, { ...args, options: { ...args.options, signal: pageSignal } });
    try {
      const response = await ctx.fetchFor(request.call)(request.url, request.init);
      const body = await readResponse(response, "json", { classify: ctx.classifyResponse, expect: op.expect });
      return { body, response };
    } catch (error) {
      throw withErrorHint(error, ctx.errorHints);
    }
  };
  if (paging.style === "envelope") {
    return paginateByEnvelope(
      page,
      { items: paging.items ?? "results", next: paging.next, page: paging.page },
      {
        query,
        baseUrl: ctx.baseUrl,
        maxPages,
        signal,
      },
    );
  }
  // Keyset walks (GitLab's pagination=keyset) have no page numbers; offset walks name page 1 explicitly.
  const keyset = query.pagination === "keyset";
  return paginateByHeaders(
    async (pageQuery, pageSignal) => {
      const { body, response } = await page(pageQuery, pageSignal);
      return { items: body as unknown[] | undefined, response };
    },
    { query, pageParam: paging.page, firstPage: keyset ? undefined : 1, maxPages, signal },
  );
}

/** Calls one operation: the generic body of every generated method. */
export function callOperation(id: string, op: OperationDescriptor, ctx: OperationContext, args: unknown[]): unknown {
  const split = splitArgs(id, op, args, ctx.name);
  validateCommonOptions(split.options, ctx.name);
  const path = fillPath(op.path, op.params ?? [], split.pathValues, ctx.name);
  checkCredentials(id, op, ctx);
  if (op.body && !split.hasBody && op.body.media.length > 0 && op.method !== "GET" && op.body.required) {
    throw new ConfigurationError(`${ctx.name}: ${id}() needs a request body`);
  }
  if (op.list) return listOf(id, op, ctx, path, split);
  const result = execute(op, ctx, prepare(op, ctx, path, split.query, split));
  if (!ctx.errorHints) return result;
  return result.catch((error: unknown) => {
    throw withErrorHint(error, ctx.errorHints);
  });
}

/** The generated methods of a table, bound to a client: `{ getProject(id, query?, options?) { … }, … }`. */
export function bindOperations<Methods>(table: OperationTable, ctx: OperationContext): Methods {
  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [id, op] of Object.entries(table)) {
    methods[id] = op.list
      ? (...args) => callOperation(id, op, ctx, args)
      : (...args) => {
          // A validation error rejects the promise instead of throwing synchronously.
          try {
            return callOperation(id, op, ctx, args);
          } catch (error) {
            return Promise.reject(error);
          }
        };
  }
  return methods as Methods;
}
