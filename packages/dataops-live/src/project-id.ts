// Projects, groups and namespaces are addressed by numeric id or by full path ("group/subgroup/project"). The spec
// declares those parameters `x-dataclients-path: id-or-path`, so core checks and encodes them (one segment,
// `group%2Fproject`); this export is for users who build URLs themselves.
import { encodePathParam } from "@dataclients/core";

/** A numeric id (21816) or a full path ("my-group/my-project"). */
export type ProjectId = number | string;

/** The id as the single path segment GitLab expects: 21816 → "21816", "group/project" → "group%2Fproject". */
export function encodeResourceId(value: ProjectId, what = "projectId"): string {
  return encodePathParam(what, value, "id-or-path", "DataOps.live");
}
