// Against the mock: the proxy answers `Prefer: api-error=<text>` with a 200 carrying the `api-error` header and the
// text as body (after Prism validated the request). Generated methods and flows alike must raise DatagrokApiError.
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createDatagrokClient, DatagrokApiError } from "../../src/index.js";

const TEXT = 'ApiError: table "Demo.Sales" not found';
const prefer = { headers: { Prefer: `api-error=${encodeURIComponent(TEXT)}` } };
const grok = () =>
  createDatagrokClient({ baseUrl: mockUrl("datagrok"), auth: bearer("contract-test-token"), maxRetries: 0 });

async function apiError(call: Promise<unknown>): Promise<DatagrokApiError> {
  const typed = await rejection(call, DatagrokApiError);
  expect(typed.status).toBe(200);
  expect(typed.code).toBe(TEXT);
  expect(typed.body).toBe(TEXT);
  expect(typed.message).toContain(`but Datagrok reports an error: ${TEXT}`);
  expect(typed.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return typed;
}

describe("api-error on a 200, from the mock", () => {
  it("a generated JSON method (uploadTable)", async () => {
    const error = await apiError(grok().uploadTable("Demo:Sales", "region,sales\nNorth,1200\n", prefer));
    expect(error.method).toBe("POST");
    expect(error.url).toMatch(/\/api\/public\/v1\/tables\/Demo\.Sales$/);
  });

  it("a generated download (downloadTable)", async () => {
    await apiError(grok().downloadTable("Demo:Sales", prefer));
  });

  it("a generated method without content (uploadFile)", async () => {
    await apiError(grok().uploadFile("System:DemoFiles", "demo/sales.csv", "a,b\n1,2\n", prefer));
  });

  it("the callFunction flow", async () => {
    await apiError(grok().callFunction<number>("Demo:AddNumbers", { a: 2, b: 3 }, prefer));
  });

  it("the same calls without the preference return the documented data", async () => {
    const client = grok();
    expect((await client.uploadTable("Demo:Sales", "region,sales\nNorth,1200\n")).ID).toBe(
      "7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11",
    );
    expect(await client.callFunction<number>("Demo:AddNumbers", { a: 2, b: 3 })).toBe(5);
  });
});
