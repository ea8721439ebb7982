// Named schema types, so users never write components["schemas"][...].
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];
export type TokenResponse = Schemas["TokenResponse"];
export type AuthUser = Schemas["AuthUser"];
export type PermissionsResponse = Schemas["PermissionsResponse"];
export type ExecuteRequest = Schemas["ExecuteRequest"];
export type ExecuteResult = Schemas["ExecuteResult"];
export type Column = Schemas["Column"];
export type Row = Schemas["Row"];
export type JobAccepted = Schemas["JobAccepted"];
export type Job = Schemas["Job"];
export type JobStatus = Schemas["JobStatus"];
export type JobResult = Schemas["JobResult"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type ValidationErrorResponse = Schemas["ValidationErrorResponse"];

/** What `execute()` returns: the rows at once (sync endpoint) or an accepted job (async endpoint). */
export type ExecuteOutcome = { mode: "sync"; result: ExecuteResult } | { mode: "async"; job: JobAccepted };

/** The permission each Data API operation needs. */
export type DataApiPermission = "data_api:execute" | "data_api:get_job";
