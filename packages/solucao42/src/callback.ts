// The vendor POSTs the finished job to callback_url. The payload is not documented: we assume the job
// shape (as getJob returns it). This validates shape only; it is not authentication — check the
// request's origin yourself (no signature is documented).
import { InvalidCallbackError } from "./errors.js";
import { JobStatusValues } from "./generated/operations.js";
import type { Job } from "./types.js";

const STATUSES: ReadonlySet<string> = new Set(JobStatusValues);

/** Validates a received callback body (parsed JSON or its text) and returns it typed as a Job. */
export function parseCallback(body: unknown): Job {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      throw new InvalidCallbackError("Solucao42 callback: the body is not JSON");
    }
  }
  const problems = jobProblems(value);
  if (problems.length > 0) throw new InvalidCallbackError(`Solucao42 callback: not a job (${problems.join("; ")})`);
  return value as Job;
}

function jobProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return ["expected a JSON object"];
  const job = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof job.job_id !== "string" || job.job_id === "") problems.push("job_id must be a non-empty string");
  if (typeof job.status !== "string" || !STATUSES.has(job.status)) {
    problems.push(`status must be one of processing, completed, failed; got ${JSON.stringify(job.status)}`);
  }
  if (job.status === "completed") {
    const result = job.result as Record<string, unknown> | null | undefined;
    if (typeof result !== "object" || result === null) problems.push("a completed job needs a result object");
    else {
      if (!Array.isArray(result.columns)) problems.push("result.columns must be an array");
      if (!Array.isArray(result.rows)) problems.push("result.rows must be an array");
      if (typeof result.row_count !== "number") problems.push("result.row_count must be a number");
      if (typeof result.truncated !== "boolean") problems.push("result.truncated must be a boolean");
    }
  }
  if (job.status === "failed" && typeof job.error !== "string") problems.push("a failed job needs an error string");
  if (typeof job.created_at !== "string") problems.push("created_at must be a date-time string");
  return problems;
}
