// The facade's own types; the schema's named types (Job, ExecuteResult, …) come from the generated module.
import type { ExecuteResult, JobAccepted } from "./generated/schema.js";

export type {
  AuthUser,
  Column,
  ErrorResponse,
  ExecuteRequest,
  ExecuteResult,
  Job,
  JobAccepted,
  JobResult,
  JobStatus,
  PermissionsResponse,
  Row,
  TokenResponse,
  ValidationError,
  ValidationErrorResponse,
} from "./generated/schema.js";

/** What `execute()` returns: the rows at once (sync endpoint) or an accepted job (async endpoint). */
export type ExecuteOutcome = { mode: "sync"; result: ExecuteResult } | { mode: "async"; job: JobAccepted };

/** The permission each Data API operation needs. */
export type DataApiPermission = "data_api:execute" | "data_api:get_job";
