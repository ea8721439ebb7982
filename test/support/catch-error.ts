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
