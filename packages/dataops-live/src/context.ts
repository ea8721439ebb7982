// What every group of helpers is built from: the authenticated client, its unauthenticated twin (trigger
// tokens must not travel with the private token), and the check that a token is configured.
import type { ApiClient } from "@dataclients/core";
import type { OperationId } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { missingTokenError, TOKEN_OPTIONAL_OPERATIONS } from "./token-rules.js";

export interface HelperContext {
  core: ApiClient<paths>;
  /** Same base URL, fetch, timeouts and retries, but never a credential. */
  anonymous: ApiClient<paths>;
  hasAuth: boolean;
}

/** Throws before any request when `operation` needs a token and the client has none. */
export function requireToken(ctx: HelperContext, operation: OperationId): void {
  if (!ctx.hasAuth && !TOKEN_OPTIONAL_OPERATIONS.has(operation)) throw missingTokenError(`${operation}()`);
}
