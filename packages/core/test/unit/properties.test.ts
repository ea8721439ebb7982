// Property tests: the parsers of server-requested waits and the value scrubbing hold for any input, not just
// the examples in the other files.
import {
  apiErrorFor,
  rateLimitResetMs,
  redactUrl,
  retryAfterMs,
  SECRET_FIELD_NAMES,
  scrubString,
  scrubValues,
  serverDelayMs,
} from "@dataclients/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
// Secrets as tokens look: no brackets, so "[REDACTED]" cannot combine with neighbours into a secret again.
const secret = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{6,40}$/);

describe("Retry-After", () => {
  it("delta seconds → exactly that many ms", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(retryAfterMs(new Headers({ "retry-after": String(seconds) }), NOW)).toBe(seconds * 1000);
      }),
    );
  });

  it("an HTTP date → the ms until then (second precision), never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: -86_400, max: 86_400 }), (offsetSeconds) => {
        const date = new Date(NOW + offsetSeconds * 1000).toUTCString();
        expect(retryAfterMs(new Headers({ "retry-after": date }), NOW)).toBe(Math.max(0, offsetSeconds * 1000));
      }),
    );
  });

  it("anything else is undefined or a finite, non-negative wait (never NaN)", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        let headers: Headers;
        try {
          headers = new Headers({ "retry-after": value });
        } catch {
          return; // not a sendable header value at all
        }
        const ms = retryAfterMs(headers, NOW);
        if (ms !== undefined) {
          expect(Number.isFinite(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("retry-after-ms wins over Retry-After, which wins over RateLimit-Reset", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(1_000), fc.nat(1_000), (ms, seconds, reset) => {
        const all = new Headers({
          "retry-after-ms": String(ms),
          "retry-after": String(seconds),
          "ratelimit-reset": String(reset),
        });
        expect(serverDelayMs(all, NOW)).toBe(ms);
        all.delete("retry-after-ms");
        expect(serverDelayMs(all, NOW)).toBe(seconds * 1000);
        all.delete("retry-after");
        expect(serverDelayMs(all, NOW)).toBe(reset * 1000);
      }),
    );
  });
});

describe("RateLimit-Reset", () => {
  it("epoch seconds → ms until the reset, never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_600, max: 3_600 }), (offset) => {
        const epoch = Math.floor(NOW / 1000) + offset;
        expect(rateLimitResetMs(new Headers({ "ratelimit-reset": String(epoch) }), NOW)).toBe(
          Math.max(0, offset * 1000),
        );
      }),
    );
  });

  it("a small value is delta seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (seconds) => {
        expect(rateLimitResetMs(new Headers({ "ratelimit-reset": String(seconds) }), NOW)).toBe(seconds * 1000);
      }),
    );
  });

  it("RateLimitError.retryAfter is the ceiling of the wait in seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_600 }), (seconds) => {
        const error = apiErrorFor({
          status: 429,
          body: undefined,
          method: "GET",
          url: "https://api.example.com/x",
          headers: new Headers({ "retry-after": String(seconds) }),
        });
        expect((error as { retryAfter?: number }).retryAfter).toBe(seconds);
      }),
    );
  });
});

describe("scrubbing by value", () => {
  it("no secret survives in a string that contains it anywhere", () => {
    fc.assert(
      fc.property(secret, fc.array(fc.string(), { maxLength: 5 }), (token, parts) => {
        const text = parts.join(token);
        expect(scrubString(`${token}${text}${token}`, [token])).not.toContain(token);
      }),
    );
  });

  it("no secret survives anywhere in a JSON value (strings and keys, any depth)", () => {
    fc.assert(
      fc.property(secret, fc.jsonValue(), (token, value) => {
        const seeded = { echo: `Bearer ${token}`, [`k-${token}`]: [value, { deep: { deeper: token } }] };
        const out = JSON.stringify(scrubValues(seeded, [token]));
        expect(out).not.toContain(token);
        // Nothing else is lost: the rest of the value is still there.
        expect(out).toContain("deeper");
      }),
    );
  });

  it("an error built from any body that echoes the secret never shows it", () => {
    fc.assert(
      fc.property(secret, fc.jsonValue(), fc.constantFrom(500, 502, 401, 400), (token, value, status) => {
        const error = apiErrorFor({
          status,
          body: { message: `rejected ${token}`, value, echo: token },
          method: "GET",
          url: "https://api.example.com/x",
          headers: new Headers({ "x-echo": token }),
          secrets: [token],
        });
        const text = [
          error.message,
          JSON.stringify(error),
          JSON.stringify(error.body),
          JSON.stringify(error.headers),
        ].join();
        expect(text).not.toContain(token);
      }),
    );
  });

  it("redactUrl hides the value of every secret query parameter, whatever its case", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_FIELD_NAMES), secret, fc.boolean(), (name, token, upper) => {
        const key = upper ? name.toUpperCase() : name;
        const url = `https://api.example.com/p?page=2&${key}=${encodeURIComponent(`S3CR3T${token}`)}`;
        expect(redactUrl(url)).not.toContain(`S3CR3T`);
      }),
    );
  });
});
