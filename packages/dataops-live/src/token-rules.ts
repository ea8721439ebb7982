// Which operations work without an access token, derived from the spec's `security` through the generated
// operation list (public reads list `{}` as an alternative; the trigger endpoints carry a trigger token in
// the body and have no security). Every other helper fails before sending anything when `auth` is missing.
import { ConfigurationError } from "@dataclients/core";
import { type OperationId, operationList } from "./generated/operations.js";

const tokenOptional = operationList.filter((operation) => operation.credentials !== "required");

export const TOKEN_OPTIONAL_OPERATIONS: ReadonlySet<OperationId> = new Set(tokenOptional.map((o) => o.operationId));

/** GET paths that answer without a token (paginate() checks its list path against them). */
export const TOKEN_OPTIONAL_GET_PATHS: ReadonlySet<string> = new Set(
  tokenOptional.filter((operation) => operation.method === "GET").map((operation) => operation.path),
);

export function missingTokenError(operation: string): ConfigurationError {
  return new ConfigurationError(
    `DataOps.live: ${operation} needs an access token; create the client with auth: privateToken("<personal, project or group access token>")`,
  );
}
