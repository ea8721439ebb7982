// What the bench measures for each registered vendor (redocly.yaml `apis:` via loadRegistry, never a hand list):
// the BUILT package (its package.json `exports` entry), its generated operation table, and the operation to time:
// the first non-list GET whose answer is a JSON object, preferring one with exactly one path parameter
// (BENCH_OPERATIONS="dir=operationId,…" overrides per vendor).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadRegistry, repoRoot, type Vendor } from "../../scripts/lib/registry.js";

export const TOKEN = "bench-token-0123456789";

interface Descriptor {
  method: string;
  path: string;
  params?: ReadonlyArray<readonly [string, string, number?]>;
  query?: unknown;
  body?: unknown;
  response: string;
  expect?: string;
  emptyOk?: boolean;
  list?: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: the vendor modules are loaded by name at run time.
export type AnyClient = any;
type Factory = (options: Record<string, unknown>) => AnyClient;

export interface Target {
  vendor: Vendor;
  /** The generated method timed (its name on the client). */
  operation: string;
  /** The operation's path template, as openapi-fetch takes it ("/projects/{id}"). */
  template: string;
  /** Path parameter values by name (for openapi-fetch and api.GET) and in order (for the generated method). */
  named: Record<string, number>;
  values: number[];
  /** The concrete path below the base path, as core encodes it ("/projects/21816"). */
  path: string;
  /** Builds a client of this vendor: `create<Name>Client({ baseUrl, auth: bearer(TOKEN), ...extra })`. */
  createClient(baseUrl: string, extra?: Record<string, unknown>): AnyClient;
  /** True when the client has a request-rate throttle option (`maxRequestsPerSecond`, validated). */
  throttled: boolean;
}

/** The ESM entry of a package directory, from its package.json `exports` (what a user's bundler resolves). */
export function entryOf(packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: { ".": { import?: { default?: string } | string } };
    module?: string;
  };
  const root = pkg.exports?.["."]?.import;
  const relative = (typeof root === "string" ? root : root?.default) ?? pkg.module ?? "./dist/index.js";
  return join(packageDir, relative);
}

function pickOperation(vendor: Vendor, table: Record<string, Descriptor>): string {
  const override = (process.env.BENCH_OPERATIONS ?? "")
    .split(",")
    .map((pair) => pair.split("="))
    .find(([dir]) => dir === vendor.dir)?.[1];
  if (override) {
    if (!table[override]) throw new Error(`BENCH_OPERATIONS: ${vendor.dir} has no operation ${override}`);
    return override;
  }
  const candidates = Object.entries(table).filter(
    ([, op]) =>
      op.method === "GET" && !op.list && op.response === "json" && op.expect === "object" && !op.emptyOk && !op.body,
  );
  const chosen =
    candidates.find(([, op]) => (op.params?.length ?? 0) === 1) ??
    [...candidates].sort((a, b) => (a[1].params?.length ?? 0) - (b[1].params?.length ?? 0))[0];
  if (!chosen) throw new Error(`${vendor.dir}: no GET operation answering a JSON object to benchmark`);
  return chosen[0];
}

export async function loadTargets(root = repoRoot): Promise<Target[]> {
  const core = await import(pathToFileURL(entryOf(join(root, "packages/core"))).href);
  const targets: Target[] = [];
  for (const vendor of loadRegistry(root)) {
    const mod = await import(pathToFileURL(entryOf(vendor.packageDir)).href);
    const factory = mod[`create${vendor.identifier}Client`] as Factory | undefined;
    if (typeof factory !== "function")
      throw new Error(`${vendor.packageName}: no create${vendor.identifier}Client export`);
    const bearer = mod.bearer as ((token: string) => unknown) | undefined;
    // The table is data: read it from the generated source (the built bundle inlines the same object).
    const generated = await import(pathToFileURL(join(vendor.packageDir, "src/generated/operations.ts")).href);
    const table = generated.operations as Record<string, Descriptor>;
    const operation = pickOperation(vendor, table);
    const op = table[operation] as Descriptor;
    const params = op.params ?? [];
    const values = params.map((_, i) => 21816 + i);
    const named = Object.fromEntries(params.map(([name], i) => [name, values[i] as number]));
    const path = core.fillPath(op.path, params, values, vendor.displayName) as string;
    const auth = () =>
      bearer
        ? bearer(TOKEN)
        : {
            kind: "bench",
            headerNames: ["authorization"],
            authenticate: (headers: Headers) => headers.set("authorization", `Bearer ${TOKEN}`),
          };
    const createClient = (baseUrl: string, extra: Record<string, unknown> = {}) =>
      factory({ baseUrl, auth: auth(), maxRequestsPerSecond: 0, ...extra });
    // A client that validates `maxRequestsPerSecond` has a throttle (the conventions' option for a documented rate).
    const probeUrl = `http://127.0.0.1:9${vendor.basePath}`;
    factory({ baseUrl: probeUrl, auth: auth(), maxRequestsPerSecond: 0 });
    let throttled = false;
    try {
      factory({ baseUrl: probeUrl, auth: auth(), maxRequestsPerSecond: -1 });
    } catch {
      throttled = true;
    }
    targets.push({ vendor, operation, template: op.path, named, values, path, createClient, throttled });
  }
  return targets;
}
