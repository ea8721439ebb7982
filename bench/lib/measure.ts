// Interleaved rounds: every round times every case, vendor group by vendor group in a rotated order. Latency is
// interleaved call by call (one call of each case of the group in turn, rotating who goes first), so a burst of
// load from another process hits every case alike; throughput runs each case's block of requests in turn. Ratios
// are taken within a round against the same vendor's raw fetch and openapi-fetch, then the median over rounds. Bounded in time: after
// `minRounds`, no new round starts once `budgetMs` has been spent.
import { type Case, PLAIN, RAW } from "./cases.js";

export interface MeasureOptions {
  rounds: number;
  minRounds: number;
  budgetMs: number;
  /** Sequential calls per case per round (latency); 0 skips latency. */
  calls: number;
  /** Requests per case per round at `inFlight` concurrency (throughput); 0 skips throughput. */
  requests: number;
  inFlight: number;
  warmup: number;
}

export interface CaseFigures {
  vendor: string;
  name: string;
  /** Median µs per call (one in flight). */
  us?: number;
  xRaw?: number;
  xPlain?: number;
  /** Median requests per second at `inFlight`. */
  rps?: number;
  /** Median throughput as a fraction of raw fetch's in the same round. */
  rpsXRaw?: number;
  /** Median CPU µs of this process per call (one in flight), and its ratios. */
  cpuUs?: number;
  cpuXRaw?: number;
  cpuXPlain?: number;
  /** CPU-bound throughput at `inFlight` as a fraction of raw fetch's: raw's CPU per request / this case's. */
  cpuRpsXRaw?: number;
}

export interface Measurement {
  rounds: number;
  elapsedMs: number;
  figures: CaseFigures[];
}

/** This process's CPU time (user + system, all threads) in µs: the client's own work, whatever else runs. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Wall and CPU µs per call of each case, one call in flight, the cases' calls interleaved. */
async function sequential(
  group: readonly Case[],
  calls: number,
  round: number,
): Promise<{ wall: number[]; cpu: number[] }> {
  const wall = group.map(() => 0);
  const cpu = group.map(() => 0);
  for (let pass = 0; pass < calls; pass++) {
    for (let k = 0; k < group.length; k++) {
      const i = (k + pass + round) % group.length;
      const cpuStart = cpuNow();
      const started = performance.now();
      await (group[i] as Case).run();
      wall[i] = (wall[i] as number) + (performance.now() - started) * 1000;
      cpu[i] = (cpu[i] as number) + cpuNow() - cpuStart;
    }
  }
  return { wall: wall.map((us) => us / calls), cpu: cpu.map((us) => us / calls) };
}

/** Requests per second (wall) and CPU µs per request at `inFlight` concurrency. */
async function concurrent(c: Case, requests: number, inFlight: number): Promise<{ rps: number; cpu: number }> {
  let issued = 0;
  const worker = async () => {
    while (issued < requests) {
      issued++;
      await c.run();
    }
  };
  const cpuStart = cpuNow();
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { rps: requests / ((performance.now() - started) / 1000), cpu: (cpuNow() - cpuStart) / requests };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = items.length ? by % items.length : 0;
  return [...items.slice(k), ...items.slice(0, k)];
}

export async function measure(groups: readonly (readonly Case[])[], options: MeasureOptions): Promise<Measurement> {
  const started = performance.now();
  const key = (c: Case) => `${c.vendor}\u0000${c.name}`;
  const latency = new Map<string, number[]>();
  const throughput = new Map<string, number[]>();
  const cpuLatency = new Map<string, number[]>();
  const cpuThroughput = new Map<string, number[]>();
  const all = groups.flat();
  for (const c of all) {
    latency.set(key(c), []);
    throughput.set(key(c), []);
    cpuLatency.set(key(c), []);
    cpuThroughput.set(key(c), []);
  }
  for (const c of all) for (let i = 0; i < options.warmup; i++) await c.run();
  if (options.requests > 0) for (const c of all) await concurrent(c, options.inFlight * 4, options.inFlight);

  let rounds = 0;
  while (rounds < options.rounds) {
    if (rounds >= options.minRounds && performance.now() - started > options.budgetMs) break;
    for (const group of rotate(groups, rounds)) {
      if (options.calls > 0) {
        const us = await sequential(group, options.calls, rounds);
        group.forEach((c, i) => {
          latency.get(key(c))?.push(us.wall[i] as number);
          cpuLatency.get(key(c))?.push(us.cpu[i] as number);
        });
      }
      if (options.requests > 0)
        for (const c of rotate(group, rounds)) {
          const { rps, cpu } = await concurrent(c, options.requests, options.inFlight);
          throughput.get(key(c))?.push(rps);
          cpuThroughput.get(key(c))?.push(cpu);
        }
    }
    rounds++;
  }

  const figures: CaseFigures[] = [];
  for (const group of groups) {
    const raw = group.find((c) => c.name === RAW);
    const plain = group.find((c) => c.name === PLAIN);
    for (const c of group) {
      const lat = latency.get(key(c)) ?? [];
      const tput = throughput.get(key(c)) ?? [];
      const perRound = (series: number[], base: Case | undefined, source: Map<string, number[]>) => {
        const baseline = base ? (source.get(key(base)) ?? []) : [];
        return series.map((v, i) => v / (baseline[i] as number));
      };
      const f: CaseFigures = { vendor: c.vendor, name: c.name };
      if (lat.length) {
        f.us = median(lat);
        f.xRaw = median(perRound(lat, raw, latency));
        f.xPlain = median(perRound(lat, plain, latency));
      }
      if (tput.length) {
        f.rps = median(tput);
        f.rpsXRaw = median(perRound(tput, raw, throughput));
        const cpuTput = cpuThroughput.get(key(c)) ?? [];
        f.cpuRpsXRaw = median(perRound(cpuTput, raw, cpuThroughput).map((x) => 1 / x));
      }
      const cpuLat = cpuLatency.get(key(c)) ?? [];
      if (cpuLat.length) {
        f.cpuUs = median(cpuLat);
        f.cpuXRaw = median(perRound(cpuLat, raw, cpuLatency));
        f.cpuXPlain = median(perRound(cpuLat, plain, cpuLatency));
      }
      figures.push(f);
    }
  }
  return { rounds, elapsedMs: performance.now() - started, figures };
}
