// A vendor's light factory (create<Vendor>Api) handles options exactly as its full client (create<Vendor>Client):
// the same resolved base URL, or the same ConfigurationError with the same message.
import { ConfigurationError } from "@dataclients/core";
import { expect } from "vitest";

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
