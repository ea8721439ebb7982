// Function calls with a typed result. Both paths the vendor serves are here: `callFunction` on the documented
// `POST /public/v1/{name}/call`, `invokeFunction` on `POST /public/v1/functions/{name}/call` (the current Python
// client's). They replace the generated methods of the same names, adding the result type and one check: a call
// that failed inside Datagrok may answer 200 with `{ "#type": "ApiError", … }` and no `api-error` header.
import { encodePathParam, type RequestOptions } from "@dataclients/core";
import { DatagrokApiError } from "./api-error.js";
import type { GeneratedClient } from "./client.js";
import type { FunctionParameters } from "./generated/schema.js";

type Call = (name: string, params?: FunctionParameters, options?: RequestOptions) => Promise<unknown>;

function isApiErrorResult(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)["#type"] === "ApiError";
}

function typedCall(client: GeneratedClient, call: Call, pathOf: (name: string) => string) {
  return async <T = unknown>(name: string, params?: FunctionParameters, options?: RequestOptions): Promise<T> => {
    const result = await call(name, params, options);
    if (isApiErrorResult(result)) {
      throw new DatagrokApiError({
        status: 200,
        body: result,
        method: "POST",
        url: `${client.baseUrl}${pathOf(name)}`,
      });
    }
    return result as T;
  };
}

const restName = (name: string) => encodePathParam("name", name, "grok-name", "Datagrok");

export function functionFlows(client: GeneratedClient) {
  return {
    /**
     * Calls a function by Grok name (`"Samples:Sum"`) or ID with its parameters by name, and returns its result as
     * JSON, typed as `T`: `await grok.callFunction<number>("Samples:Sum", { a: 1, b: 2 })`. Sends
     * `POST /public/v1/{name}/call`, the documented path. A failure reported inside a 200 throws DatagrokApiError.
     */
    callFunction: typedCall(client, client.callFunction, (name) => `/public/v1/${restName(name)}/call`),
    /** `callFunction` on `POST /public/v1/functions/{name}/call`, the path the current Python client and CLI use. */
    invokeFunction: typedCall(client, client.invokeFunction, (name) => `/public/v1/functions/${restName(name)}/call`),
  };
}
