// Prism's proxy mode (without --errors) forwards the real answer and lists how request and answer break the
// spec in the `sl-violations` response header: a JSON array of { location, severity, code, message }, or
// "Too many violations! <truncated JSON>" past 8 kB.

export interface Violation {
  /** e.g. ["response", "body", "id"] */
  location: string[];
  severity: string;
  message: string;
}

export function parseViolations(header: string | string[] | undefined): Violation[] {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return [];
  const truncated = value.startsWith("Too many violations! ");
  try {
    const parsed: unknown = JSON.parse(truncated ? value.slice("Too many violations! ".length) : value);
    if (!Array.isArray(parsed)) throw new Error("not an array");
    return parsed.map((v) => ({
      location: Array.isArray(v?.location) ? v.location.map(String) : [],
      severity: typeof v?.severity === "string" ? v.severity : "Error",
      message: typeof v?.message === "string" ? v.message : JSON.stringify(v),
    }));
  } catch {
    // Unparseable (the truncated form usually is): keep Prism's text rather than lose it.
    return [{ location: [], severity: "Error", message: value }];
  }
}

/** One line per request: `GET /projects/1 200 — 2 violations: [response.body.id] must be integer; …` */
export function violationLine(method: string, path: string, status: number, violations: Violation[]): string {
  if (violations.length === 0) return `${method} ${path} ${status} — no violations`;
  const list = violations
    .map((v) => `${v.location.length > 0 ? `[${v.location.join(".")}] ` : ""}${v.severity.toLowerCase()}: ${v.message}`)
    .join("; ");
  return `${method} ${path} ${status} — ${violations.length} violation${violations.length === 1 ? "" : "s"}: ${list}`;
}
