// RFC 8288 Link header parsing, for APIs that page with rel="next" (GitLab keyset, GitHub, ...).

/** Maps each rel of a Link header to its URL: `<u1>; rel="next", <u2>; rel="last"` → { next: u1, last: u2 }. */
export function parseLinkHeader(value: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = part.match(/^\s*<([^>]*)>\s*;(.*)$/);
    if (!match) continue;
    const [, url, params] = match as unknown as [string, string, string];
    const rel = params.match(/(?:^|;)\s*rel\s*=\s*"?([^";]+)"?/i)?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] ??= url;
  }
  return links;
}
