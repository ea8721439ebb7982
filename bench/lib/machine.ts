// The machine a run was measured on, for RESULTS.md: figures are only comparable on the same machine and load.
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m);
    if (line?.[1]) cpu = line[1].trim();
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return {
    cores: availableParallelism(),
    cpu,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The 1-minute load average (other processes competing for the cores make every figure noisier). */
export function load(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
