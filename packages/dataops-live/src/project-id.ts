// Projects, groups and namespaces are addressed by numeric id or by full path ("group/subgroup/project").
// GitLab wants the path as ONE URL-encoded segment (group%2Fproject); openapi-fetch already applies
// encodeURIComponent to path parameters, so the plain path is handed over and encoded exactly once.
import { ConfigurationError } from "@dataclients/core";

/** A numeric id (21816) or a full path ("my-group/my-project"). */
export type ProjectId = number | string;

/**
 * The id to put in the path parameter, checked: a positive whole number, or a path without leading, trailing
 * or doubled slashes. An already encoded path ("group%2Fproject") is decoded first, so it is not encoded twice.
 */
export function checkResourceId(value: unknown, what = "projectId"): number | string {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value > 0) return value;
    throw new ConfigurationError(`DataOps.live: \`${what}\` must be a positive whole number or a path; got ${value}`);
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(
      `DataOps.live: \`${what}\` must be a numeric id or a path such as "my-group/my-project"; got ${JSON.stringify(value)}`,
    );
  }
  let path = value.trim();
  if (!path.includes("/") && /%2f/i.test(path)) path = safeDecode(path);
  if (path.startsWith("/") || path.endsWith("/") || path.includes("//")) {
    throw new ConfigurationError(
      `DataOps.live: \`${what}\` "${path}" is not a full path; write it as "group/project" without leading, trailing or double slashes`,
    );
  }
  return /^\d+$/.test(path) ? Number(path) : path;
}

/** The id as the single path segment GitLab expects: 21816 → "21816", "group/project" → "group%2Fproject". */
export function encodeResourceId(value: ProjectId, what = "projectId"): string {
  return encodeURIComponent(String(checkResourceId(value, what)));
}

/** A positive whole-number id (pipeline, job, trigger, schedule), checked before any request. */
export function checkNumericId(value: unknown, what: string): number {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  throw new ConfigurationError(
    `DataOps.live: \`${what}\` must be a positive whole number; got ${JSON.stringify(value)}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
