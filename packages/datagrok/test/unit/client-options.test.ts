// Construction: a missing baseUrl or one without /api fails before any request, saying what to write instead.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { configError } from "../../../../test/support/catch-error.js";
import { bearer, createDatagrokClient, type DatagrokClientOptions } from "../../src/index.js";
import { API_KEY, BASE_URL, client, fakeDatagrok } from "./fake-datagrok.js";

const create = (options: unknown) => () => createDatagrokClient(options as DatagrokClientOptions);

describe("baseUrl", () => {
  it("is required, with the /api form in the message", () => {
    const error = configError(create({}));
    expect(error.message).toBe(
      'Datagrok: `baseUrl` is required (each installation has its own host): pass your server\'s URL followed by /api, e.g. baseUrl: "https://public.datagrok.ai/api"',
    );
  });

  it.each([
    ["https://public.datagrok.ai", "https://public.datagrok.ai/api"],
    ["https://public.datagrok.ai/", "https://public.datagrok.ai/api"],
    ["https://grok.example.com/datagrok", "https://grok.example.com/datagrok/api"],
    ["https://public.datagrok.ai/api/public/v1", "https://public.datagrok.ai/api"],
  ])("%s gets the hint %s", (baseUrl, suggestion) => {
    const error = configError(create({ baseUrl }));
    expect(error.message).toContain("does not end in /api");
    expect(error.message).toContain(`use baseUrl: "${suggestion}"`);
  });

  it.each([
    ["https://public.datagrok.ai/api", "https://public.datagrok.ai/api"],
    ["https://public.datagrok.ai/api/", "https://public.datagrok.ai/api"],
    ["http://127.0.0.1:4013/api", "http://127.0.0.1:4013/api"],
  ])("%s is accepted as %s", (baseUrl, resolved) => {
    expect(createDatagrokClient({ baseUrl }).baseUrl).toBe(resolved);
  });

  it("is still checked by core for everything else (scheme, plain http to a remote host)", () => {
    expect(configError(create({ baseUrl: "" })).message).toContain("must be a non-empty absolute URL");
    expect(configError(create({ baseUrl: "http://grok.example.com/api" })).message).toContain("unencrypted");
  });
});

describe("auth", () => {
  it("a call without a credential fails before sending, naming bearer(apiKey)", async () => {
    const fake = fakeDatagrok();
    const grok = createDatagrokClient({ baseUrl: BASE_URL, fetch: fake.fetch });
    await expect(grok.getCurrentUser()).rejects.toThrow(
      "Datagrok: getCurrentUser() needs an API key; create the client with auth: bearer(apiKey)",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("sends Authorization: Bearer <API key>", async () => {
    const fake = fakeDatagrok();
    await client(fake.fetch).getCurrentGroup();
    expect(fake.requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
  });

  it("never shows the API key when the client is logged or inspected", () => {
    const grok = createDatagrokClient({ baseUrl: BASE_URL, auth: bearer(API_KEY) });
    expect(inspect(grok, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });
});
