// A vendor's mock: Prism on an internal port (prism-process.ts) behind a small node:http proxy (mock-proxy.ts)
// that serves the vendor's production base path and adds what Prism cannot do (paging, multi-segment paths,
// the api-error answer: `Prefer: api-error=<percent-encoded text>`, documented in api-error.ts). With `upstream`,
// Prism runs in proxy mode in front of the real service instead.
import { Agent, createServer, type Server } from "node:http";
import { declaredApiError } from "./api-error.js";
import { loadSpec } from "./load-spec.js";
import { type Entrance, type MockExchange, type ProxyTarget, proxyHandler } from "./mock-proxy.js";
import { pagingConfigOf, pagingStepFor } from "./paging/index.js";
import { pathTemplates, templateMatcher } from "./path-templates.js";
import { PROBE_PATH, type PrismMode, type StartedPrism, startPrismBehind, stopPrism } from "./prism-process.js";
import { closeServer, listen, originHost } from "./proxy-http.js";
import { repoRoot, type Vendor } from "./registry.js";

export { type MockExchange, stripBasePath } from "./mock-proxy.js";

export interface EntranceOptions {
  /** Public port; 0 or undefined = a free port. */
  port?: number;
  /** Interface the proxy listens on; default 127.0.0.1. */
  host?: string;
  /** Told of every request Prism answered through this entrance, e.g. to measure operation coverage. */
  onExchange?: (exchange: MockExchange) => void;
}

export interface MockOptions extends EntranceOptions {
  /** Receives every line Prism prints (its request log and validation messages). */
  log?: (line: string) => void;
  /**
   * Proxy mode: Prism validates traffic to and from this real service instead of mocking it. An upstream
   * without a path gets the vendor's base path (`https://app.dataops.live` → `https://app.dataops.live/api/v4`).
   * No paging step, no api-error, no path rewriting: the real answers pass through as they are.
   */
  upstream?: string;
}

export interface MockAddress {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + vendor.basePath: what a client uses as baseUrl. */
  url: string;
  port: number;
}

export interface RunningMock extends MockAddress {
  vendor: Vendor;
  /** In proxy mode, the upstream URL Prism forwards to (base path included). */
  upstream?: string;
  /** Prism's pid; it leads its own process group. */
  pid: number;
  /** Resolves with Prism's exit code (null when killed by a signal) when it dies, for whatever reason. */
  exited: Promise<number | null>;
  /**
   * Another address in front of the same Prism, reporting its own traffic: how test projects share one Prism
   * per vendor yet keep apart whose requests count as coverage. Closed by close().
   */
  openEntrance(options?: EntranceOptions): Promise<MockAddress>;
  close(): Promise<void>;
}

export async function startMock(vendor: Vendor, options: MockOptions = {}): Promise<RunningMock> {
  const upstreamUrl = options.upstream === undefined ? undefined : upstreamWithBasePath(options.upstream, vendor);
  const mode: PrismMode = upstreamUrl === undefined ? { kind: "mock" } : { kind: "proxy", upstream: upstreamUrl };
  const agent = new Agent({ keepAlive: true });
  const target: ProxyTarget = {
    displayName: vendor.displayName,
    basePath: vendor.basePath,
    upstream: { port: 0 },
    agent,
    simulate: mode.kind === "mock",
    probePath: PROBE_PATH,
    ...(mode.kind === "mock" ? specSteps(vendor) : {}),
  };
  const servers: Server[] = [];
  const openEntrance = async (entrance: EntranceOptions = {}): Promise<MockAddress> => {
    const host = entrance.host ?? "127.0.0.1";
    const state: Entrance = { origin: () => origin, onExchange: entrance.onExchange };
    const server = createServer(proxyHandler(target, state));
    const port = await listen(server, entrance.port ?? 0, host);
    servers.push(server);
    const origin = `http://${originHost(host)}:${port}`;
    return { origin, url: origin + vendor.basePath, port };
  };
  const closeProxies = async () => {
    agent.destroy();
    await Promise.all(servers.map(closeServer));
  };

  let first: MockAddress;
  let prism: StartedPrism;
  try {
    first = await openEntrance(options);
    prism = await startPrismBehind(vendor, target.upstream, first.origin, options.log, mode);
  } catch (error) {
    await closeProxies();
    throw error;
  }

  const { child, exited } = prism;
  let closing: Promise<void> | undefined;
  return {
    vendor,
    ...first,
    ...(upstreamUrl === undefined ? {} : { upstream: upstreamUrl }),
    pid: child.pid as number,
    exited,
    openEntrance: (entrance) => {
      if (closing) return Promise.reject(new Error(`the ${vendor.dir} mock is closed`));
      return openEntrance(entrance);
    },
    close() {
      closing ??= (async () => {
        await stopPrism(child, exited);
        await closeProxies();
      })();
      return closing;
    },
  };
}

/** The paging step, path matcher and api-error answer the spec asks for; a malformed x-dataclients-paging fails the start. */
function specSteps(vendor: Vendor): Pick<ProxyTarget, "paging" | "matchTemplate" | "apiError"> {
  const spec = loadSpec(vendor.specPath, repoRoot);
  const paging = pagingStepFor(pagingConfigOf(spec.root.data, spec.root.label), spec.root.label);
  const templates = pathTemplates(spec);
  const hasMultiSegment = templates.some((t) => t.multiSegment.length > 0);
  const apiError = declaredApiError(spec.root.data);
  return {
    ...(apiError ? { apiError } : {}),
    ...(paging ? { paging } : {}),
    ...(hasMultiSegment ? { matchTemplate: templateMatcher(templates) } : {}),
  };
}

function upstreamWithBasePath(upstream: string, vendor: Vendor): string {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new Error(`--proxy needs an absolute http(s) URL, got "${upstream}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`--proxy needs an http(s) URL, got "${upstream}"`);
  }
  if (url.pathname === "/" && vendor.basePath !== "") url.pathname = vendor.basePath;
  return url.href.replace(/\/$/, "");
}
