// Datagrok's "200 that is an error": an `api-error` header (body: the error text) raises DatagrokApiError from every
// kind of call — JSON, download, no content, and the function-call flow — and is never returned as data.
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { ApiError, DatagrokApiError, NotFoundError } from "../../src/index.js";
import { API_KEY, client, fakeDatagrok, IDENTIFIERS, json, text } from "./fake-datagrok.js";

const failure = (promise: Promise<unknown>) => rejection(promise, DatagrokApiError);

const MESSAGE = 'Table "Demo.Sales" not found';
const apiError200 = (body = MESSAGE, header = MESSAGE) => text(body, { headers: { "api-error": header } });

describe("the api-error header on a 200", () => {
  it("raises DatagrokApiError from a JSON operation (uploadTable)", async () => {
    const fake = fakeDatagrok(() => apiError200());
    const error = await failure(client(fake.fetch).uploadTable("Demo:Sales", "a\n1\n"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe("DatagrokApiError");
    expect(error.status).toBe(200);
    expect(error.code).toBe(MESSAGE);
    expect(error.body).toBe(MESSAGE);
    expect(error.method).toBe("POST");
    expect(error.url).toBe("https://grok.example.com/api/public/v1/tables/Demo.Sales");
    expect(error.message).toBe(
      `POST https://grok.example.com/api/public/v1/tables/Demo.Sales answered 200, but Datagrok reports an error: ${MESSAGE}`,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("leaves out an error body over 64 KiB, and the header still gives the message and code", async () => {
    const fake = fakeDatagrok(() => apiError200("x".repeat(70_000)));
    const error = await failure(client(fake.fetch).getCurrentUser());
    expect(error.body).toBeUndefined();
    expect(error.code).toBe(MESSAGE);
    expect(error.message).toContain(`but Datagrok reports an error: ${MESSAGE}`);
  });

  it("raises it from a download (downloadTable) instead of handing out the error text as CSV", async () => {
    const fake = fakeDatagrok(() => apiError200());
    const error = await failure(client(fake.fetch).downloadTable("Demo:Sales"));
    expect(error.code).toBe(MESSAGE);
  });

  it("raises it from an operation without content (uploadFile)", async () => {
    const fake = fakeDatagrok(() => apiError200());
    await failure(client(fake.fetch).uploadFile("System:DemoFiles", "a.csv", "x"));
  });

  it("raises it from the callFunction flow", async () => {
    const fake = fakeDatagrok(() => apiError200("ApiError: division by zero", "true"));
    const error = await failure(client(fake.fetch).callFunction<number>("Samples:Div", { a: 1, b: 0 }));
    expect(error.code).toBe("true");
    expect(error.message).toContain("but Datagrok reports an error: ApiError: division by zero");
  });

  it("reads the message of a JSON ApiError body, keeping the body as sent", async () => {
    const body = { "#type": "ApiError", message: "Access denied to Demo.Sales", errorCode: 403 };
    const fake = fakeDatagrok(() => json(body, { headers: { "api-error": "" } }));
    const error = await failure(client(fake.fetch).getConnection("Demo:Sales"));
    expect(error.body).toEqual(body);
    expect(error.code).toBe("Access denied to Demo.Sales");
    expect(error.message).toMatch(/reports an error: Access denied to Demo\.Sales$/);
  });

  it("is not retried (the server answered; retrying a failed call would repeat its effect)", async () => {
    const fake = fakeDatagrok(() => apiError200());
    await failure(client(fake.fetch, { maxRetries: 2 }).getCurrentUser());
    expect(fake.requests).toHaveLength(1);
  });

  it("never shows the API key", async () => {
    const fake = fakeDatagrok(() => apiError200());
    const error = await failure(client(fake.fetch).getCurrentUser());
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(API_KEY);
    expect(error.headers.authorization).toBeUndefined();
  });
});

describe("without the header", () => {
  it("a 200 is data", async () => {
    const fake = fakeDatagrok(() => json(IDENTIFIERS));
    expect(await client(fake.fetch).uploadTable("Demo:Sales", "a\n1\n")).toEqual(IDENTIFIERS);
  });

  it("a non-2xx stays the status's error class", async () => {
    const fake = fakeDatagrok(() => json({ message: "Entity not found" }, { status: 404 }));
    const error = await client(fake.fetch)
      .getGroup("Demo:Nobody")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(DatagrokApiError);
  });
});

describe("callFunction / invokeFunction", () => {
  it("returns the result typed, from the documented path, with the parameters as JSON", async () => {
    const fake = fakeDatagrok(() => json(3));
    const sum: number = await client(fake.fetch).callFunction<number>("Samples:Sum", { a: 1, b: 2 });
    expect(sum).toBe(3);
    const [sent] = fake.requests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/public/v1/Samples.Sum/call");
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent?.body ?? "")).toEqual({ a: 1, b: 2 });
  });

  it("invokeFunction uses /functions/{name}/call", async () => {
    const fake = fakeDatagrok(() => json({ sum: 5, product: 6 }));
    const out = await client(fake.fetch).invokeFunction<{ sum: number; product: number }>("Samples:Math", {});
    expect(out).toEqual({ sum: 5, product: 6 });
    expect(fake.requests[0]?.path).toBe("/public/v1/functions/Samples.Math/call");
  });

  it('a 200 whose JSON is { "#type": "ApiError" } is a DatagrokApiError, not a result', async () => {
    const body = { "#type": "ApiError", message: "Parameter b is missing" };
    const fake = fakeDatagrok(() => json(body));
    const error = await failure(client(fake.fetch).callFunction("Samples:Sum", { a: 1 }));
    expect(error.body).toEqual(body);
    expect(error.code).toBe("Parameter b is missing");
    expect(error.url).toBe("https://grok.example.com/api/public/v1/Samples.Sum/call");
    const again = await failure(client(fake.fetch).invokeFunction("Samples:Sum", { a: 1 }));
    expect(again.url).toBe("https://grok.example.com/api/public/v1/functions/Samples.Sum/call");
  });
});
