// The in-memory measurement: the same four cases per vendor with a fetch stub instead of the network, so only
// client-side work differs between them. The stub yields to the event loop on a macrotask before it answers
// (as real I/O does); a loop that never yields lets V8 run every call back to back, which overstates the
// client's share.
import { ANSWER, type Case, casesFor } from "./lib/cases.js";
import type { Target } from "./lib/targets.js";

const STUB_ORIGIN = "http://127.0.0.1:9";
const answerHeaders = { "content-type": "application/json", "content-length": String(Buffer.byteLength(ANSWER)) };

/** A fetch that answers every request with ANSWER after one setImmediate turn. */
export async function stubFetch(_input: Request | string | URL, _init?: RequestInit): Promise<Response> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return new Response(ANSWER, { status: 200, headers: answerHeaders });
}

export function stubCases(targets: readonly Target[]): Case[][] {
  return targets.map((target) => casesFor(target, STUB_ORIGIN, stubFetch));
}
