// The path-typed paging types of core, bound to this spec's paths and its envelope's items field (`results`):
// `ListItem<"/sources">` is `Entity`.
import type {
  ListItem as CoreListItem,
  ListParams as CoreListParams,
  ListPath as CoreListPath,
  PaginateInit as CorePaginateInit,
} from "@dataclients/core";
import type { paths } from "./generated/schema.js";

/** Every path whose GET answers a page of the envelope (`{ pages, total, next_page, results }`). */
export type ListPath = CoreListPath<paths, "results">;
/** The element type of a list path. */
export type ListItem<P extends ListPath> = CoreListItem<paths, P, "results">;
/** The list operation's parameters (`path`, `query`). */
export type ListParams<P extends ListPath> = CoreListParams<paths, P>;
/** The second argument of `paginate(path, init)`. */
export type PaginateInit<P extends ListPath> = CorePaginateInit<paths, P>;
