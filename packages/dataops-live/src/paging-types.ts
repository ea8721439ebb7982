// The path-typed paging types of core, bound to this spec's paths: `ListItem<"/projects">` is `Project`.
import type {
  ListItem as CoreListItem,
  ListParams as CoreListParams,
  ListPath as CoreListPath,
  PaginateInit as CorePaginateInit,
} from "@dataclients/core";
import type { paths } from "./generated/schema.js";

/** Every path whose GET answers a list. */
export type ListPath = CoreListPath<paths>;
/** The element type of a list path. */
export type ListItem<P extends ListPath> = CoreListItem<paths, P>;
/** The list operation's parameters (`path`, `query`). */
export type ListParams<P extends ListPath> = CoreListParams<paths, P>;
/** The second argument of `paginate(path, init)`. */
export type PaginateInit<P extends ListPath> = CorePaginateInit<paths, P>;
