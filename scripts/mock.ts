// `pnpm mock [vendor ...] [--port-offset N]`: a Prism mock per vendor on its fixed port (from the registry), behind
// the base-path proxy of lib/mock-server.ts, until Ctrl-C or until one of them dies.
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { type RunningMock, startMock } from "./lib/mock-server.js";
import { loadRegistry, repoRoot, type Vendor } from "./lib/registry.js";

const USAGE = "usage: pnpm mock [vendor ...] [--port-offset N]";

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (typeof args === "number") return args;
  const vendors = selectVendors(args.names);
  if (typeof vendors === "number") return vendors;

  const width = Math.max(...vendors.map((v) => v.dir.length));
  let ready = false;
  const started = await Promise.allSettled(
    vendors.map((vendor) =>
      startMock(vendor, {
        port: vendor.mockPort + args.portOffset,
        // Prism's request log, once everything is up (its start-up chatter would bury the summary).
        log: (line) => {
          if (ready) console.log(`${vendor.dir.padEnd(width)} | ${line}`);
        },
      }).catch((error: unknown) => {
        throw new Error(`${vendor.dir}: ${message(error)}`);
      }),
    ),
  );
  const mocks = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failures = started.flatMap((r) => (r.status === "rejected" ? [message(r.reason)] : []));
  if (failures.length > 0) {
    await Promise.all(mocks.map((m) => m.close()));
    for (const failure of failures) console.error(failure);
    if (failures.some((f) => f.includes("already in use")))
      console.error("(pnpm mock --port-offset 100 moves every mock)");
    return 1;
  }

  for (const mock of mocks) {
    const spec = relative(repoRoot, mock.vendor.specPath);
    console.log(`${mock.vendor.dir.padEnd(width)}  ${mock.url}  (spec: ${spec})`);
  }
  console.log("\nCtrl-C to stop");
  ready = true;
  return runUntilStopped(mocks);
}

/** Resolves with the exit code: 0 after a signal, 1 when a Prism died on its own. */
function runUntilStopped(mocks: RunningMock[]): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (code: number) => {
      // tsx and the terminal may both deliver Ctrl-C; close() is bounded, so later signals are just ignored.
      if (stopping) return;
      stopping = true;
      await Promise.all(mocks.map((m) => m.close()));
      resolve(code);
    };
    process.on("SIGINT", () => void stop(0));
    process.on("SIGTERM", () => void stop(0));
    for (const mock of mocks) {
      void mock.exited.then((code) => {
        if (stopping) return;
        console.error(`Prism for ${mock.vendor.dir} exited (code ${code}); stopping the other mocks`);
        void stop(1);
      });
    }
  });
}

function parseCommandLine(): { names: string[]; portOffset: number } | number {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { "port-offset": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const portOffset = Number(values["port-offset"] ?? 0);
    if (!Number.isInteger(portOffset)) {
      console.error(`--port-offset takes an integer, got "${values["port-offset"]}"\n${USAGE}`);
      return 2;
    }
    return { names: positionals, portOffset };
  } catch (error) {
    console.error(`${message(error)}\n${USAGE}`);
    return 2;
  }
}

function selectVendors(names: string[]): Vendor[] | number {
  const all = loadRegistry();
  if (all.length === 0) {
    console.error("the registry (redocly.yaml) lists no APIs: nothing to mock");
    return 1;
  }
  if (names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((v) => v.dir === name));
  if (unknown.length > 0) {
    console.error(
      `unknown vendor ${unknown.map((n) => `"${n}"`).join(", ")}; the registry (redocly.yaml) has: ${all.map((v) => v.dir).join(", ")}`,
    );
    return 2;
  }
  return all.filter((v) => names.includes(v.dir));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(message(error));
    process.exit(1);
  },
);
