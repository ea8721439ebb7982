// Tables for the terminal and for bench/RESULTS.md (the same markdown in both), and the target checks of issue 12.
import type { BundleSize } from "../bundle-size.js";
import { OPENAPI_FETCH } from "../bundle-size.js";
import { API, PLAIN, RAW } from "./cases.js";
import type { CaseFigures, Measurement } from "./measure.js";

export const TARGETS = { perCallXPlain: 1.1, throughputXRaw: 0.8, bundleXPlain: 3 } as const;

const f2 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(2));
const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : Math.round(n).toLocaleString("en"));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mark = (ok: boolean) => (ok ? "met" : "**not met**");

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function label(f: CaseFigures): string {
  if (f.name === RAW || f.name === PLAIN) return f.name;
  return `dataclients \`${f.name}\``;
}

function byVendor(figures: readonly CaseFigures[]): Map<string, CaseFigures[]> {
  const out = new Map<string, CaseFigures[]>();
  for (const f of figures) out.set(f.vendor, [...(out.get(f.vendor) ?? []), f]);
  return out;
}

/** The issue's table, one per vendor: per call ×raw fetch, ×openapi-fetch, and 64 in flight ×raw throughput. */
export function loopbackTables(m: Measurement, paths: Map<string, string>, inFlight: number): string {
  const parts: string[] = [];
  for (const [vendor, figures] of byVendor(m.figures)) {
    parts.push(`**${vendor}** — \`GET ${paths.get(vendor) ?? ""}\``);
    parts.push(
      table(
        [
          "per call",
          "µs/call",
          "×raw fetch",
          "×openapi-fetch",
          `${inFlight} in flight, req/s`,
          `${inFlight} in flight, ×raw throughput`,
          "CPU µs/call",
          "CPU ×raw fetch",
          "CPU ×openapi-fetch",
          `CPU-bound ${inFlight} in flight, ×raw`,
        ],
        figures.map((f) => [
          label(f),
          f0(f.us),
          f2(f.xRaw),
          f2(f.xPlain),
          f0(f.rps),
          f2(f.rpsXRaw),
          f0(f.cpuUs),
          f2(f.cpuXRaw),
          f2(f.cpuXPlain),
          f2(f.cpuRpsXRaw),
        ]),
      ),
    );
  }
  return parts.join("\n\n");
}

export function stubTables(m: Measurement): string {
  const rows: string[][] = [];
  for (const [vendor, figures] of byVendor(m.figures)) {
    for (const f of figures) rows.push([vendor, label(f), f2(f.us), f2(f.xRaw), f2(f.xPlain)]);
  }
  return table(["vendor", "case", "µs/call", "×raw fetch", "×openapi-fetch"], rows);
}

export interface TargetCheck {
  vendor: string;
  what: string;
  /** Wall-clock figure (the issue's definition). */
  value: number | undefined;
  /** The same figure from this process's CPU time (robust when other processes load the machine). */
  cpu?: number;
  target: string;
  met: boolean;
  cpuMet?: boolean;
}

export function checkTargets(loopback: Measurement, bundles: readonly BundleSize[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [vendor, figures] of byVendor(loopback.figures)) {
    for (const f of figures) {
      if (f.name === RAW || f.name === PLAIN) continue;
      const kind = f.name === API ? "api.GET" : f.name;
      checks.push({
        vendor,
        what: `${kind} per call ×openapi-fetch`,
        value: f.xPlain,
        cpu: f.cpuXPlain,
        target: `≤ ${TARGETS.perCallXPlain.toFixed(2)}`,
        met: (f.xPlain ?? Number.POSITIVE_INFINITY) <= TARGETS.perCallXPlain,
        cpuMet: (f.cpuXPlain ?? Number.POSITIVE_INFINITY) <= TARGETS.perCallXPlain,
      });
      if (f.rpsXRaw !== undefined)
        checks.push({
          vendor,
          what: `${kind} throughput at 64 in flight ×raw fetch`,
          value: f.rpsXRaw,
          cpu: f.cpuRpsXRaw,
          target: `≥ ${TARGETS.throughputXRaw.toFixed(2)}`,
          met: f.rpsXRaw >= TARGETS.throughputXRaw,
          cpuMet: (f.cpuRpsXRaw ?? 0) >= TARGETS.throughputXRaw,
        });
    }
  }
  const base = bundles.find((b) => b.name === OPENAPI_FETCH);
  for (const b of bundles) {
    if (!b.vendor || !base || b.name.includes("api.GET")) continue;
    const ratio = b.gzip / base.gzip;
    checks.push({
      vendor: b.vendor,
      what: `${b.name} gzip ×openapi-fetch`,
      value: ratio,
      target: `≤ ${TARGETS.bundleXPlain.toFixed(2)} (${kB(base.gzip * TARGETS.bundleXPlain)})`,
      met: ratio <= TARGETS.bundleXPlain,
    });
  }
  return checks;
}

export function targetTable(checks: readonly TargetCheck[]): string {
  return table(
    ["vendor", "figure", "target", "wall clock", "", "CPU time", ""],
    checks.map((c) => [
      c.vendor,
      c.what,
      c.target,
      f2(c.value),
      mark(c.met),
      c.cpu === undefined ? "" : f2(c.cpu),
      c.cpuMet === undefined ? "" : mark(c.cpuMet),
    ]),
  );
}

export function bundleTable(bundles: readonly BundleSize[]): string {
  const base = bundles.find((b) => b.name === OPENAPI_FETCH);
  return table(
    ["vendor", "program", "minified", "gzip", "×openapi-fetch gzip"],
    bundles
      .filter((b) => !b.fromSource)
      .map((b) => [b.vendor ?? "", b.name, kB(b.minified), kB(b.gzip), base ? f2(b.gzip / base.gzip) : "–"]),
  );
}

/** Where the minified bytes of each program come from (top files; every module for a from-source breakdown). */
export function bundleInputs(bundles: readonly BundleSize[], top = 6): string {
  return bundles
    .map(
      (b) =>
        `- ${b.vendor ? `${b.vendor} ` : ""}${b.name} (${kB(b.minified)} min, ${kB(b.gzip)} gzip): ${b.inputs
          .slice(0, b.fromSource ? undefined : top)
          .map(([file, bytes]) => `\`${file}\` ${kB(bytes)}`)
          .join(", ")}`,
    )
    .join("\n");
}
