// A vendor's light factory (create<Vendor>Api) handles options exactly as its full client (create<Vendor>Client):
// the same resolved base URL, or the same ConfigurationError with the same message.
import { ConfigurationError } from "@dataclients/core";
import { expect, vi } from "vitest";

export type Outcome = { baseUrl: string } | { error: string };

type Factory = (options: never) => { baseUrl: string };

/** What a factory makes of `options`: the resolved base URL, or the message of the ConfigurationError it throws. */
export function outcomeOf(factory: Factory, options: unknown): Outcome {
  try {
    return { baseUrl: factory(options as never).baseUrl };
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return { error: (error as Error).message };
  }
}

/** Asserts that both factories make `expected` of `options`. */
export function expectSameOutcome(light: Factory, full: Factory, options: unknown, expected: Outcome): void {
  expect(outcomeOf(light, options)).toEqual(expected);
  expect(outcomeOf(full, options)).toEqual(expected);
}

/**
 * Asserts that the light factory enforces `maxRequestsPerSecond` as the full client does: with a rate of 2, the
 * third of three GETs starts a second after the first two (fake clock).
 */
export async function expectRateHeld(
  light: (options: never) => { api: unknown },
  options: Record<string, unknown>,
  path: string,
): Promise<void> {
  vi.useFakeTimers({ now: 0 });
  try {
    const starts: number[] = [];
    const fetch = async () => {
      starts.push(Date.now());
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    const { api } = light({ ...options, fetch, maxRequestsPerSecond: 2 } as never);
    const client = api as { GET(path: string): Promise<{ response: Response }> };
    const calls = [client.GET(path), client.GET(path), client.GET(path)];
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await Promise.all(calls)).map((result) => result.response.status)).toEqual([200, 200, 200]);
    expect(starts).toEqual([0, 0, 1_000]);
  } finally {
    vi.useRealTimers();
  }
}
