// The one list of vendors: the `apis` entries of redocly.yaml. Everything vendor-specific that a script
// needs (names, ports, base paths) derives from the registry entry and its spec, never from a table here.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Vendor {
  /** Directory name under specs/ and packages/, and the npm name's tail. */
  dir: string;
  /** Human name from `x-display-name`; drives identifiers such as createSolucao42Client. */
  displayName: string;
  /** Identifier stem derived from the display name: "Solucao42", "DataopsLive". */
  identifier: string;
  packageName: string;
  specPath: string;
  packageDir: string;
  /** First server entry: the documented production URL (may contain {variables}). */
  productionUrl: string;
  /** Fixed port of the mock, from the spec's loopback server entry. */
  mockPort: number;
  /** Base path every path is relative to ("/api/v4", "/v2", "" for none). */
  basePath: string;
}

interface ServerEntry {
  url: string;
}

export function identifierFrom(displayName: string): string {
  return displayName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join("");
}

export function readSpec(specPath: string): Record<string, unknown> {
  return parse(readFileSync(specPath, "utf8")) as Record<string, unknown>;
}

// Names the registry's spec path in the message: a bare ENOENT or YAML error says neither which vendor nor which file.
function readRegisteredSpec(specPath: string, label: string): Record<string, unknown> {
  let spec: unknown;
  try {
    spec = readSpec(specPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "spec file not found" : error instanceof Error ? error.message : String(error);
    throw new Error(`${label}: ${reason}`);
  }
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new Error(`${label}#: not an OpenAPI document (expected a YAML mapping)`);
  }
  return spec as Record<string, unknown>;
}

export function loadRegistry(root = repoRoot): Vendor[] {
  const config = parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as {
    apis?: Record<string, { root: string; "x-display-name"?: string }>;
  };
  const apis = config.apis ?? {};
  const vendors = Object.entries(apis).map(([dir, entry]) => {
    const specPath = join(root, entry.root);
    const displayName = entry["x-display-name"];
    if (!displayName) throw new Error(`redocly.yaml: apis.${dir} needs x-display-name`);
    const spec = readRegisteredSpec(specPath, entry.root);
    const servers = (spec.servers as ServerEntry[] | undefined) ?? [];
    if (servers.length < 2) {
      throw new Error(`${entry.root}#/servers: list the production URL first and the loopback mock second`);
    }
    const mock = servers.find((s) => /^http:\/\/127\.0\.0\.1:\d+/.test(s.url));
    if (!mock) {
      throw new Error(`${entry.root}#/servers: no http://127.0.0.1:<port> entry for the mock`);
    }
    const mockUrl = new URL(mock.url);
    return {
      dir,
      displayName,
      identifier: identifierFrom(displayName),
      packageName: `@dataclients/${dir}`,
      specPath,
      packageDir: join(root, "packages", dir),
      productionUrl: (servers[0] as ServerEntry).url,
      mockPort: Number(mockUrl.port),
      basePath: mockUrl.pathname.replace(/\/+$/, ""),
    };
  });
  rejectSharedPorts(vendors);
  return vendors;
}

// Two mocks cannot listen on one port: `pnpm mock` would start one and fail on the other.
function rejectSharedPorts(vendors: Vendor[]): void {
  const byPort = new Map<number, Vendor>();
  for (const vendor of vendors) {
    const other = byPort.get(vendor.mockPort);
    if (other) {
      throw new Error(
        `redocly.yaml: ${other.dir} and ${vendor.dir} both put their mock on port ${vendor.mockPort} (the http://127.0.0.1:<port> server entry of their specs); give each vendor its own port`,
      );
    }
    byPort.set(vendor.mockPort, vendor);
  }
}

export function findVendor(dir: string, root = repoRoot): Vendor {
  const vendors = loadRegistry(root);
  const vendor = vendors.find((v) => v.dir === dir);
  if (!vendor) {
    throw new Error(
      `unknown vendor "${dir}"; the registry (redocly.yaml) has: ${vendors.map((v) => v.dir).join(", ")}`,
    );
  }
  return vendor;
}
