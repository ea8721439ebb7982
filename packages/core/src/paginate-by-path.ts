// `client.paginate(path, { params })` over every list operation, typed by path: the items come out as the
// list's element type (`paginate("/projects")` yields Project). The walk itself is the generated list method's:
// the path is looked up in the operation table, so encodings, credentials and the paging style are the spec's.
import { ConfigurationError } from "./errors.js";
import type { ListOptions, OperationTable } from "./operation-types.js";
import { callOperation, type OperationContext } from "./operations.js";
import type { PageIterator } from "./paginate.js";

type GetOperation<Paths, P extends keyof Paths> = Paths[P] extends { get: infer O } ? O : never;
type JsonOk<O> = O extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type ItemsOf<Body, Field> = Field extends string
  ? Body extends { [K in Field]?: ReadonlyArray<infer T> | null }
    ? T
    : never
  : Body extends ReadonlyArray<infer T>
    ? T
    : never;

/** Every path whose GET answers a list (a JSON array, or an envelope whose `Field` is one). */
export type ListPath<Paths, Field extends string | undefined = undefined> = {
  [P in keyof Paths]: [ItemsOf<JsonOk<GetOperation<Paths, P>>, Field>] extends [never] ? never : P;
}[keyof Paths];

/** The element type of a list path: `ListItem<paths, "/projects">` is `Project`. */
export type ListItem<Paths, P extends keyof Paths, Field extends string | undefined = undefined> = ItemsOf<
  JsonOk<GetOperation<Paths, P>>,
  Field
>;

/** The list operation's parameters (`path`, `query`), as openapi-fetch takes them. */
export type ListParams<Paths, P extends keyof Paths> =
  GetOperation<Paths, P> extends { parameters: infer Params } ? Params : never;

export type PaginateInit<Paths, P extends keyof Paths> = ListOptions &
  (RequiredKeys<ListParams<Paths, P>> extends never
    ? { params?: ListParams<Paths, P> }
    : { params: ListParams<Paths, P> });

/** The second argument is required exactly when the path has path parameters. */
export type PaginateArgs<Paths, P extends keyof Paths> =
  RequiredKeys<ListParams<Paths, P>> extends never ? [init?: PaginateInit<Paths, P>] : [init: PaginateInit<Paths, P>];

export type PathPaginate<Paths, Field extends string | undefined = undefined> = <P extends ListPath<Paths, Field>>(
  path: P,
  ...args: PaginateArgs<Paths, P>
) => PageIterator<ListItem<Paths, P, Field>>;

export function createPathPaginate<Paths, Field extends string | undefined = undefined>(
  table: OperationTable,
  ctx: OperationContext,
): PathPaginate<Paths, Field> {
  const byPath = new Map(
    Object.entries(table)
      .filter(([, op]) => op.method === "GET" && op.list)
      .map(([id, op]) => [op.path, [id, op] as const]),
  );
  return ((path: string, init?: ListOptions & { params?: { path?: Record<string, unknown>; query?: unknown } }) => {
    const found = byPath.get(path);
    if (!found) {
      throw new ConfigurationError(
        `${ctx.name}: paginate("${path}"): not a list operation; use one of ${[...byPath.keys()].join(", ")}`,
      );
    }
    const [id, op] = found;
    const { params, ...options } = init ?? {};
    const pathValues = (op.params ?? []).map(([name]) => params?.path?.[name]);
    return callOperation(id, op, ctx, [...pathValues, params?.query, options]);
  }) as PathPaginate<Paths, Field>;
}
