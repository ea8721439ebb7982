// Grok names: Datagrok's UI writes `Namespace:Name`, its REST paths want `Namespace.Name`. Every name parameter of
// the spec is declared `x-dataclients-path: grok-name`, so core converts it on every call; this export is for users
// who build URLs or compare names themselves. It reuses core's rule (no second copy of it).
import { ConfigurationError, describeValue, encodePathParam } from "@dataclients/core";

/**
 * A Grok name as the REST API writes it: `"Demo:Sales"` → `"Demo.Sales"`, `"Demo:Project:Table"` →
 * `"Demo.Project.Table"`. An ID (UUID) or a name that is already in REST form comes back unchanged. Throws a
 * ConfigurationError for an empty value or `.`/`..`.
 */
export function toRestName(name: string): string {
  if (typeof name !== "string" || name === "") {
    throw new ConfigurationError(
      `Datagrok: toRestName() takes a Grok name such as "Demo:Sales"; got ${describeValue(name)}`,
    );
  }
  // core encodes the converted name as one path segment; decoding gives the name itself.
  return decodeURIComponent(encodePathParam("name", name, "grok-name", "Datagrok"));
}
