// `paginate(path, { params })` over every list operation, typed by path: the items come out as the list's
// element type. Paging itself (X-Next-Page, keyset Link, no reliance on totals) is core's paginateByHeaders.
import {
  checkPageSize,
  type PageIterator,
  type PageQuery,
  type PaginateOptions,
  paginateByHeaders,
  type RequestOptions,
  unwrap,
} from "@dataclients/core";
import type { HelperContext } from "./context.js";
import type { paths } from "./generated/schema.js";
import { checkNumericId, checkResourceId } from "./project-id.js";
import { missingTokenError, TOKEN_OPTIONAL_GET_PATHS } from "./token-rules.js";

/** GitLab's largest page (it silently caps larger values). */
export const MAX_PER_PAGE = 100;

type GetOperation<P extends keyof paths> = paths[P] extends { get: infer O } ? O : never;
type JsonOk<O> = O extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Every path whose GET answers a JSON array: the list operations. */
export type ListPath = {
  [P in keyof paths]: [JsonOk<GetOperation<P>>] extends [never]
    ? never
    : JsonOk<GetOperation<P>> extends readonly unknown[]
      ? P
      : never;
}[keyof paths];

/** The element type of a list path: `ListItem<"/projects">` is `Project`. */
export type ListItem<P extends ListPath> = JsonOk<GetOperation<P>> extends ReadonlyArray<infer T> ? T : never;

/** The list operation's parameters (`path`, `query`), as openapi-fetch takes them. */
export type ListParams<P extends ListPath> = GetOperation<P> extends { parameters: infer Params } ? Params : never;

/** Per-call options plus paging: `maxPages` bounds the walk, `signal` stops it between or during pages. */
export interface PaginateCallOptions extends RequestOptions, Pick<PaginateOptions, "maxPages"> {}

export type PaginateInit<P extends ListPath> = PaginateCallOptions &
  (RequiredKeys<ListParams<P>> extends never ? { params?: ListParams<P> } : { params: ListParams<P> });

/** The second argument is required exactly when the path has path parameters. */
export type PaginateArgs<P extends ListPath> =
  RequiredKeys<ListParams<P>> extends never ? [init?: PaginateInit<P>] : [init: PaginateInit<P>];

type LooseGet = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function createPaginate(ctx: HelperContext) {
  // Paths and params are checked by the typed signature; the call itself goes through one loose signature.
  const get = ctx.core.api.GET as unknown as LooseGet;

  return function paginate<P extends ListPath>(path: P, ...[init]: PaginateArgs<P>): PageIterator<ListItem<P>> {
    const { params, maxPages, signal, ...call } = (init ?? {}) as PaginateCallOptions & {
      params?: { path?: Record<string, unknown>; query?: PageQuery };
    };
    if (!ctx.hasAuth && !TOKEN_OPTIONAL_GET_PATHS.has(path)) throw missingTokenError(`paginate("${path}")`);
    const query: PageQuery = { ...(params?.query ?? {}) };
    checkPageSize(query.per_page, { param: "per_page", max: MAX_PER_PAGE, name: "DataOps.live" });
    const pathParams = checkPathParams(params?.path);
    const keyset = query.pagination === "keyset";

    return paginateByHeaders<ListItem<P>>(
      async (pageQuery, pageSignal) => {
        const result = await get(path, {
          params: { path: pathParams, query: pageQuery },
          ...ctx.core.requestInit({ ...call, signal: pageSignal }),
        });
        return { items: unwrap(result) as ListItem<P>[] | undefined, response: result.response };
      },
      // Offset walks name page 1 explicitly; keyset walks have no page numbers.
      { query, firstPage: keyset ? undefined : 1, maxPages, signal },
    );
  };
}

function checkPathParams(path: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!path) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(path)) {
    out[name] = name === "id" ? checkResourceId(value, "params.path.id") : checkNumericId(value, `params.path.${name}`);
  }
  return out;
}
