// `pnpm mock [vendor ...] [--port-offset N]`: a Prism mock per vendor on its fixed port (from the registry), behind
// the base-path proxy of lib/mock-server.ts, until Ctrl-C or until one of them dies.
// `pnpm mock <vendor> --proxy <upstream URL>`: Prism's proxy mode in front of the real service instead, printing
// how each answer breaks the spec (see HELP).
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { type MockExchange, type RunningMock, startMock } from "./lib/mock-server.js";
import { loadRegistry, repoRoot, type Vendor } from "./lib/registry.js";
import { violationLine } from "./lib/violations.js";

const USAGE =
  "usage: pnpm mock [vendor ...] [--port-offset N]\n       pnpm mock <vendor> --proxy <upstream URL> [--port-offset N]";

const HELP = `${USAGE}

Without --proxy: a Prism mock of each vendor (all registered ones by default) on its fixed port, serving the
vendor's production base path. Pick a documented answer per request with the Prefer header:
  Prefer: code=404                 a documented status
  Prefer: example=<name>           a named example
  Prefer: api-error=<text>         200 with an \`api-error: <text>\` header and <text> as a text/plain body
                                   (<text> percent-encoded; combine as "code=200, api-error=Not%20found")
Listings page for real, as the spec's x-dataclients-paging style says (headers, envelope or body).

With --proxy <upstream URL>: Prism validates the traffic between your client and the real service instead
(prism proxy, without --errors, so a non-conforming answer still reaches the client as the service sent it).
Point the client at http://127.0.0.1:<port><base path>; an upstream URL without a path gets the base path.
One line per request: method, path, status and every violation Prism reports (its sl-violations header).
Prism re-encodes some query values on the way through (a,b is sent upstream as a%2Cb); a service that
treats the two differently behaves differently behind the proxy. No paging rewrite, no api-error, and paths
reach the service as sent (a multi-segment value such as dir/a.csv is then reported "Selected route not found").`;

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (typeof args === "number") return args;
  const vendors = selectVendors(args.names);
  if (typeof vendors === "number") return vendors;
  if (args.proxy !== undefined && vendors.length !== 1) {
    console.error(`--proxy fronts one real service: name exactly one vendor\n${USAGE}`);
    return 2;
  }

  const width = Math.max(...vendors.map((v) => v.dir.length));
  let ready = false;
  const started = await Promise.allSettled(
    vendors.map((vendor) =>
      startMock(vendor, {
        port: vendor.mockPort + args.portOffset,
        ...(args.proxy === undefined
          ? {
              // Prism's request log, once everything is up (its start-up chatter would bury the summary).
              log: (line: string) => {
                if (ready) console.log(`${vendor.dir.padEnd(width)} | ${line}`);
              },
            }
          : { upstream: args.proxy, onExchange: printViolations }),
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
    const via = mock.upstream ? `  → ${mock.upstream} (Prism proxy; spec violations printed per request)` : "";
    console.log(`${mock.vendor.dir.padEnd(width)}  ${mock.url}${via}  (spec: ${spec})`);
  }
  console.log("\nCtrl-C to stop");
  ready = true;
  return runUntilStopped(mocks);
}

function printViolations(exchange: MockExchange): void {
  const line = violationLine(exchange.method, exchange.path, exchange.status, exchange.violations);
  if (exchange.violations.length > 0) console.error(line);
  else console.log(line);
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

function parseCommandLine(): { names: string[]; portOffset: number; proxy?: string } | number {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        "port-offset": { type: "string" },
        proxy: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const portOffset = Number(values["port-offset"] ?? 0);
    if (!Number.isInteger(portOffset)) {
      console.error(`--port-offset takes an integer, got "${values["port-offset"]}"\n${USAGE}`);
      return 2;
    }
    return { names: positionals, portOffset, ...(values.proxy === undefined ? {} : { proxy: values.proxy }) };
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
