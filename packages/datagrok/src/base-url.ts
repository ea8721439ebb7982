// Every Datagrok installation has its own host, and the REST API lives under `/api` on it
// (`https://public.datagrok.ai/api`). Both mistakes a new user makes — no baseUrl, or the server's URL without
// `/api` — fail here with the fix, before any request (core checks the rest: scheme, credentials in the URL, …).
import { ConfigurationError } from "@dataclients/core";

const EXAMPLE = 'baseUrl: "https://public.datagrok.ai/api"';

/** Throws when `baseUrl` is missing. */
export function requireBaseUrl(value: unknown): void {
  if (value === undefined || value === null) {
    throw new ConfigurationError(
      `Datagrok: \`baseUrl\` is required (each installation has its own host): pass your server's URL followed by /api, e.g. ${EXAMPLE}`,
    );
  }
}

/** Throws when the resolved base URL (no trailing slash) does not end in `/api`, suggesting the likely one. */
export function checkApiPath(baseUrl: string): void {
  const url = new URL(baseUrl);
  if (url.pathname.endsWith("/api")) return;
  const at = url.pathname.indexOf("/api/");
  const suggestion = at >= 0 ? `${url.origin}${url.pathname.slice(0, at + 4)}` : `${baseUrl}/api`;
  throw new ConfigurationError(
    `Datagrok: \`baseUrl\` "${baseUrl}" does not end in /api; the REST API is served under /api on your server: use baseUrl: "${suggestion}"`,
  );
}
