// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by source file, top first.
//   pnpm exec tsx bench/cpuprofile-summary.ts <file.cpuprofile> [top=25] [fnName …]
// Each fnName also gets its inclusive time (samples with it anywhere on the stack) and its callers.
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg, ...focus] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!file) throw new Error("usage: cpuprofile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
// Idle is the wait for I/O (the server's answer): reported, but left out of the shares.
let idle = 0;
for (const [id, us] of selfUs) if (byId.get(id)?.callFrame.functionName === "(idle)") idle += us;
const total = [...selfUs.values()].reduce((a, b) => a + b, 0) - idle;

const shortUrl = (url: string) => {
  if (!url) return "";
  const m = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/(.+)$/) ?? url.match(/\/(packages\/.+)$/);
  return m?.[1] ?? url.replace(/^file:\/\//, "");
};
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (!node || node.callFrame.functionName === "(idle)") continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = shortUrl(url);
  const fn = `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const group = !url
    ? functionName.startsWith("(")
      ? functionName
      : "(native: V8 builtins, C++)"
    : url.startsWith("node:")
      ? `${url.split("/")[0]}${url.includes("undici") ? " (undici)" : ""}`
      : (where.split(":")[0] ?? where);
  byFile.set(group, (byFile.get(group) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms on CPU (${(idle / 1000).toFixed(0)} ms idle, waiting for I/O)`);
console.log("\nSelf time by function:");
for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${fn}`);
console.log("\nSelf time by file:");
for (const [f, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(us)}  ${f}`);

if (focus.length) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes as Array<Node & { children?: number[] }>)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id: number) => byId.get(id)?.callFrame.functionName || "(anonymous)";
  console.log("\nInclusive time (the function anywhere on the stack):");
  for (const fn of focus) {
    let inclusive = 0;
    const callers = new Map<string, number>();
    for (const [id, us] of selfUs) {
      if (byId.get(id)?.callFrame.functionName === "(idle)") continue;
      const stack: number[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
      const i = stack.findIndex((s) => nameOf(s) === fn);
      if (i < 0) continue;
      inclusive += us;
      const caller = stack[i + 1] !== undefined ? nameOf(stack[i + 1] as number) : "(root)";
      callers.set(caller, (callers.get(caller) ?? 0) + us);
    }
    const top3 = [...callers]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([c, us]) => `${c} ${pct(us).trim()}`);
    console.log(`${pct(inclusive)}  ${fn}  (called from: ${top3.join(", ") || "–"})`);
  }
}
