// A vendor's advice for an error status, added to the message of every such error its client throws (DataGalaxy:
// a 429 may mean the caller's IP is blocked for 15 minutes). Core builds the errors, so core adds the hint, for
// generated methods, paginators and the flows built on them alike.
import { ApiError } from "./errors.js";

/** Status → the sentence appended to the message of an ApiError with that status. */
export type ErrorHints = Readonly<Partial<Record<number, string>>>;

/** Returns `error` with its vendor hint appended (once); anything else passes unchanged. */
export function withErrorHint(error: unknown, hints: ErrorHints | undefined): unknown {
  if (!hints || !(error instanceof ApiError)) return error;
  const hint = hints[error.status];
  if (!hint || error.message.includes(hint)) return error;
  const before = error.message;
  error.message = `${before}. ${hint}`;
  if (typeof error.stack === "string") error.stack = error.stack.replace(before, error.message);
  return error;
}
