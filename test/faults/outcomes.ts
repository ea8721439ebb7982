// What a row of the fault matrix expects, and the builders every rows file shares: the result and the number of
// attempts the server saw, or the typed error's class, a message fragment and the attempts.
import { type Fault, OK_BODY } from "./server.js";

export type ErrorClass = abstract new (...args: never[]) => Error;

export type Outcome = { result: unknown; attempts: number } | { error: ErrorClass; message: string; attempts: number };

/** The server's answer as a client sees it when the credential arrived. */
export const AUTHED = { ...OK_BODY, sawAuthorization: true };

export const ok = (attempts: number, result: unknown): Outcome => ({ result, attempts });
export const fails = (error: ErrorClass, message: string, attempts: number): Outcome => ({ error, message, attempts });

export const MID_BODY = "but the connection failed while reading the response body";
export const BODY_TIMEOUT = "timed out after 400 ms while reading the response body (status 200)";

/** One client's rows from `[fault, outcome]` pairs. */
export function rowsFor<K extends string>(
  client: K,
  list: ReadonlyArray<readonly [Fault, Outcome]>,
): Array<{ client: K; fault: Fault; expect: Outcome }> {
  return list.map(([fault, expect]) => ({ client, fault, expect }));
}
