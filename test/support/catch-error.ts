import { ConfigurationError } from "@dataclients/core";
import { expect } from "vitest";

/** Runs `fn`, expects it to throw a ConfigurationError synchronously, and returns it for message checks. */
export function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

/**
 * Awaits `promise`, expects it to reject with an instance of `type` (any Error by default), and returns the error
 * for checks on its message and fields. A promise that fulfils fails the test, naming the value it gave.
 */
export async function rejection<E extends Error = Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E = Error as unknown as abstract new (
    ...args: never[]
  ) => E,
): Promise<E> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection (${type.name}), got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
