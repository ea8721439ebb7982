// Type shorthands the helpers share, derived from the generated operations.
import type { operations } from "./generated/schema.js";

/** The query parameters of an operation: `QueryOf<"listProjects">`. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

/** A form body accepts the JSON shape (nested objects become bracketed keys) or the spec's form shape. */
export type BodyFor<F, Json, Form> = F extends "json" ? Json : Json | Form;
