// PUT and POST take JSON (the default) or form fields, as `curl --form` (multipart) or `curl --data`
// (URL-encoded) send them; nested fields become GitLab's bracketed keys (`variables[KEY]=value`).
import { ConfigurationError, formBodyOptions, type RequestOptions } from "@dataclients/core";

export type BodyFormat = "json" | "multipart" | "urlencoded";

/** Per-call options of a helper that sends a body. */
export interface WriteOptions extends RequestOptions {
  /** How the body is encoded. Default "json". */
  format?: BodyFormat;
}

/** The openapi-fetch options that encode the body in `format`. */
export function bodyOptions(format: BodyFormat = "json") {
  if (format === "json") return {};
  if (format === "multipart" || format === "urlencoded") return formBodyOptions(format);
  throw new ConfigurationError(
    `DataOps.live: \`format\` must be "json", "multipart" or "urlencoded"; got ${JSON.stringify(format)}`,
  );
}

/** Splits helper options into the body format and the per-call request options. */
export function splitWriteOptions(options: WriteOptions = {}): { format: BodyFormat; call: RequestOptions } {
  const { format = "json", ...call } = options;
  return { format, call };
}
