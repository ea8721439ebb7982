import { ConfigurationError, isLoopbackHost } from "@dataclients/core";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Namespaces and slugs are kebab-case (`default`, `vendas-por-regiao`): checked before any request. */
export function checkEndpointName(value: unknown, what: "namespace" | "slug"): string {
  if (typeof value !== "string" || !KEBAB_CASE.test(value)) {
    throw new ConfigurationError(
      `Solucao42: \`${what}\` must be kebab-case (lower-case letters, digits and single hyphens, e.g. "vendas-por-regiao"); got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function checkJobId(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "" || /[/?#]/.test(value)) {
    throw new ConfigurationError(
      `Solucao42: \`jobId\` must be the job_id returned by execute(); got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The vendor POSTs results to callback_url: it must be https, except a loopback receiver in development. */
export function checkCallbackUrl(value: unknown): void {
  if (value === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    url = undefined;
  }
  if (!url || !(url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname)))) {
    throw new ConfigurationError(
      `Solucao42: \`callback_url\` must be an absolute https:// URL (http:// only for localhost); got ${JSON.stringify(value)}`,
    );
  }
}
