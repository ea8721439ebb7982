// Every row of rows.ts against the fault server: the exact outcome, and after it no unhandled rejection, no
// warning, no listener left on the caller's signal and no timer left holding the process.
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLIENTS as CORE_CLIENTS, type MatrixClient, TOKEN } from "./clients.js";
import { ROWS as CORE_ROWS, type Outcome } from "./rows.js";
import { DATAGALAXY_CLIENTS, DATAGALAXY_ROWS } from "./rows-datagalaxy.js";
import { DATAGOL_CLIENTS, DATAGOL_ROWS } from "./rows-datagol.js";
import { DATAGROK_CLIENTS, DATAGROK_ROWS } from "./rows-datagrok.js";
import { type FaultServer, startFaultServer } from "./server.js";

// A vendor joins by exporting its clients and rows (see rows-datagol.ts) and being listed here.
const CLIENTS: Record<string, MatrixClient> = {
  ...CORE_CLIENTS,
  ...DATAGALAXY_CLIENTS,
  ...DATAGOL_CLIENTS,
  ...DATAGROK_CLIENTS,
};
const ROWS: Array<{ client: string; fault: Parameters<FaultServer["baseUrl"]>[0]; expect: Outcome }> = [
  ...CORE_ROWS,
  ...DATAGALAXY_ROWS,
  ...DATAGOL_ROWS,
  ...DATAGROK_ROWS,
];

let server: FaultServer;
const unhandled: unknown[] = [];
const warnings: Error[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const onWarning = (warning: Error) => warnings.push(warning);

beforeAll(async () => {
  server = await startFaultServer(120_000);
  process.on("unhandledRejection", onUnhandled);
  process.on("warning", onWarning);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  process.off("warning", onWarning);
  await server?.close();
});

afterEach(() => {
  unhandled.length = 0;
  warnings.length = 0;
});

const refTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

async function settle(baseline: number): Promise<number> {
  // The server's own trickle timers end within ~100 ms of the client hanging up.
  for (let waited = 0; waited < 1_000 && refTimers() > baseline; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return refTimers();
}

describe.each(Object.keys(CLIENTS))("%s", (key) => {
  const client = CLIENTS[key] as MatrixClient;
  const rows = ROWS.filter((row) => row.client === key);
  it.each(rows.map((row) => [row.fault, row] as const))(
    "%s",
    async (_fault, row) => {
      const baseUrl = server.baseUrl(row.fault, client.basePath ?? "");
      const shared = new AbortController();
      const timersBefore = refTimers();

      const outcome = await client.call(baseUrl, { signal: shared.signal }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      const attempts = server.requestsOf(baseUrl).length;

      if ("result" in row.expect) {
        expect(outcome).toEqual({ result: row.expect.result });
      } else {
        expect("error" in outcome, `expected ${row.expect.error.name}, got ${inspect(outcome)}`).toBe(true);
        const error = (outcome as { error: Error }).error;
        expect(error, inspect(error)).toBeInstanceOf(row.expect.error);
        expect(error.message).toContain(row.expect.message);
        const rendered = [error.message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join();
        expect(rendered).not.toContain(TOKEN);
        expect(rendered).not.toContain("leaked-TOKEN-in-body");
      }
      expect(attempts).toBe(row.expect.attempts);

      if (!client.keepsRequestSignalListener) {
        expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
      }
      expect(await settle(timersBefore)).toBeLessThanOrEqual(timersBefore);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
      // Body-timeout rows take three 400 ms attempts plus backoff and settling: ~2.7 s on a loaded 2-core machine.
    },
    15_000,
  );
});

it("every client has rows and every row's client is wired", () => {
  expect(new Set(ROWS.map((row) => row.client))).toEqual(new Set(Object.keys(CLIENTS)));
});
