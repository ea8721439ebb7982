// Starts bench/lib/server-child.mjs in a child process and guarantees it ends with the bench: on normal exit,
// on an error, on SIGINT/SIGTERM, and (through its stdin pipe closing) even when this process is killed.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface LoopbackServer {
  origin: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
  process.on("uncaughtException", (error) => {
    killAll();
    console.error(error);
    process.exit(1);
  });
  process.on("unhandledRejection", (error) => {
    killAll();
    console.error(error);
    process.exit(1);
  });
}

/** A keep-alive HTTP server on 127.0.0.1 answering a GET of each of `paths` with `body` (JSON). */
export async function startLoopbackServer(paths: readonly string[], body: string): Promise<LoopbackServer> {
  hookExit();
  const script = fileURLToPath(new URL("./server-child.mjs", import.meta.url));
  // Plain node (no tsx loader), so the server costs what a small Node service costs.
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? "", BENCH_PATHS: JSON.stringify(paths), BENCH_BODY: body },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => String(line)),
    once(child, "exit").then(([code]) => {
      throw new Error(`bench: the loopback server exited (code ${code}) before listening`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("bench: the loopback server did not start within 10 s")), 10_000).unref(),
    ),
  ]);
  lines.close();
  const { port } = JSON.parse(first) as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.stdin?.end();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
