// A 200 with an `api-error` header is built into an error by the vendor, not by core: it must still carry no
// credential the request sent, even when the server echoes the request into its error text and header.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { bearer, createDatagrokClient, DatagrokApiError } from "../../src/index.js";

const KEY = "grok-api-key-0123456789abcdef";

describe("api-error answers never carry the sent credential", () => {
  it("scrubs the echoed key from the body, the header value, the message and inspect output", async () => {
    const echo = async (_input: RequestInfo | URL, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get("authorization") ?? "";
      return new Response(`bad request, you sent ${authorization}`, {
        status: 200,
        headers: { "api-error": `rejected ${authorization}`, "content-type": "text/plain" },
      });
    };
    const grok = createDatagrokClient({ baseUrl: "https://grok.example.test/api", auth: bearer(KEY), fetch: echo });
    const error = await grok.getCurrentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatagrokApiError);
    const seen = [
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      String((error as DatagrokApiError).code),
      JSON.stringify((error as DatagrokApiError).body),
    ].join("\n");
    expect(seen).not.toContain(KEY);
    expect((error as DatagrokApiError).code).toBe("rejected [REDACTED]");
    expect((error as DatagrokApiError).headers["api-error"]).toBe("rejected [REDACTED]");
  });
});
