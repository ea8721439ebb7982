// Step 4 of the seed: create a source. The generated types already require `name` and `type` and close the
// `type`/`status` enums at compile time; this checks the same at run time (for JavaScript callers and data
// read from elsewhere) before anything is sent, with the spec's own enum lists.
import { ConfigurationError, describeValue, type RequestOptions } from "@dataclients/core";
import { NAME } from "./base-url.js";
import type { GeneratedClient } from "./client.js";
import { ObjectStatusValues, SourceTypeValues } from "./generated/operations.js";
import type { CreatedObject, SourceCreate } from "./generated/schema.js";

const LIST_FIELDS = ["owners", "stewards", "tags"] as const;
const TEXT_FIELDS = ["summary", "description", "technicalName", "technologyCode"] as const;

function oneOf(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

/** Throws a ConfigurationError naming the first field of `input` that DataGalaxy would refuse. */
function checkSourceInput(input: unknown): asserts input is SourceCreate {
  const where = `${NAME}: createSource()`;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ConfigurationError(
      `${where} takes the source as an object { name, type, … }; got ${describeValue(input)}`,
    );
  }
  const source = input as Record<string, unknown>;
  if (typeof source.name !== "string" || source.name.trim() === "") {
    throw new ConfigurationError(
      `${where}: \`name\` is required, a non-empty string; got ${describeValue(source.name)}`,
    );
  }
  if (!(SourceTypeValues as readonly unknown[]).includes(source.type)) {
    throw new ConfigurationError(
      `${where}: \`type\` is required, one of ${oneOf(SourceTypeValues)}; got ${describeValue(source.type)}`,
    );
  }
  if (source.status !== undefined && !(ObjectStatusValues as readonly unknown[]).includes(source.status)) {
    throw new ConfigurationError(
      `${where}: \`status\` must be one of ${oneOf(ObjectStatusValues)}; got ${describeValue(source.status)}`,
    );
  }
  for (const field of LIST_FIELDS) {
    const value = source[field];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === "string"))) {
      throw new ConfigurationError(`${where}: \`${field}\` must be a list of strings; got ${describeValue(value)}`);
    }
  }
  for (const field of TEXT_FIELDS) {
    if (source[field] !== undefined && typeof source[field] !== "string") {
      throw new ConfigurationError(`${where}: \`${field}\` must be a string; got ${describeValue(source[field])}`);
    }
  }
  if (source.upsert !== undefined && typeof source.upsert !== "boolean") {
    throw new ConfigurationError(`${where}: \`upsert\` must be true or false; got ${describeValue(source.upsert)}`);
  }
}

export function sourceFlows(client: GeneratedClient) {
  return {
    /**
     * Creates a source in a workspace version (`POST /sources/{versionId}`, seed step 4) and returns its
     * `{ id, location }`. `name` and `type` are required; `type` and `status` are checked against the spec's
     * values before sending. Replaces the generated `createSource`.
     */
    async createSource(versionId: string, input: SourceCreate, options?: RequestOptions): Promise<CreatedObject> {
      checkSourceInput(input);
      return client.createSource(versionId, input, options);
    },
  };
}
