// Namespaces (users and groups the caller belongs to) and groups with their projects.
import { type PageIterator, type RequestOptions, unwrap } from "@dataclients/core";
import { type HelperContext, requireToken } from "./context.js";
import type { QueryOf } from "./helper-types.js";
import type { createPaginate, PaginateCallOptions } from "./paginate.js";
import { checkResourceId, type ProjectId } from "./project-id.js";
import type { Group, Namespace, Project } from "./types.js";

export function namespaceAndGroupHelpers(ctx: HelperContext, paginate: ReturnType<typeof createPaginate>) {
  const { api } = ctx.core;
  return {
    /** The caller's namespaces (users and groups), page by page. Needs a token. */
    listNamespaces(query: QueryOf<"listNamespaces"> = {}, options: PaginateCallOptions = {}): PageIterator<Namespace> {
      return paginate("/namespaces", { ...options, params: { query } });
    },

    /** One namespace by id or path. */
    async getNamespace(namespaceId: ProjectId, call: RequestOptions = {}): Promise<Namespace> {
      requireToken(ctx, "getNamespace");
      const id = checkResourceId(namespaceId, "namespaceId");
      return unwrap(await api.GET("/namespaces/{id}", { params: { path: { id } }, ...ctx.core.requestInit(call) }));
    },

    /** Groups visible to the caller (public ones without a token), page by page. */
    listGroups(query: QueryOf<"listGroups"> = {}, options: PaginateCallOptions = {}): PageIterator<Group> {
      return paginate("/groups", { ...options, params: { query } });
    },

    /** One group by id or full path ("parent/child"). */
    async getGroup(groupId: ProjectId, query: QueryOf<"getGroup"> = {}, call: RequestOptions = {}): Promise<Group> {
      const id = checkResourceId(groupId, "groupId");
      return unwrap(await api.GET("/groups/{id}", { params: { path: { id }, query }, ...ctx.core.requestInit(call) }));
    },

    /** A group's projects, page by page. */
    listGroupProjects(
      groupId: ProjectId,
      query: QueryOf<"listGroupProjects"> = {},
      options: PaginateCallOptions = {},
    ): PageIterator<Project> {
      const id = checkResourceId(groupId, "groupId");
      return paginate("/groups/{id}/projects", { ...options, params: { path: { id }, query } });
    },
  };
}
