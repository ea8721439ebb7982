// A problem in a spec, reported as `specs/x/openapi.yaml#/paths/~1projects/get: missing operationId`. The CLI
// prints its message without a stack trace: the location is what the author needs, not our call chain.
export class SpecError extends Error {
  override name = "SpecError";
}

/** RFC 6901 JSON pointer for a list of keys: ["paths", "/a", "get"] → "/paths/~1a/get". */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** Keys of a JSON pointer: "/paths/~1a/get" → ["paths", "/a", "get"]. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((segment) => decodeURIComponent(segment).replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function specError(file: string, segments: readonly (string | number)[], reason: string): SpecError {
  return new SpecError(`${file}#${jsonPointer(segments)}: ${reason}`);
}
