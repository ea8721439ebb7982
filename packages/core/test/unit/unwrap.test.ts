import {
  ApiError,
  createFetchWrapper,
  NotFoundError,
  ServerError,
  throwOnError,
  UnprocessableEntityError,
  unwrap,
} from "@dataclients/core";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { json, recordingFetch } from "./support/recording-fetch.js";

const caught = (promise: Promise<unknown>) => rejection(promise, ApiError);

const ORIGIN = "https://api.example.com";

interface Paths {
  "/items/{id}": {
    get: {
      parameters: { path: { id: string }; query?: { private_token?: string } };
      responses: {
        200: { content: { "application/json": { id: string; name: string } } };
        404: { content: { "application/json": { message: string } } };
      };
    };
  };
  "/items": {
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        201: { content: { "application/json": { id: string } } };
        422: { content: { "application/json": { code: string; message: string } } };
      };
    };
  };
}

function client(handler: Parameters<typeof recordingFetch>[0]) {
  const recorder = recordingFetch(handler);
  const wrapper = createFetchWrapper({
    origin: ORIGIN,
    fetch: recorder.fetch,
    timeout: 1000,
    maxRetries: 1,
    sleep: async () => {},
  });
  const api = createClient<Paths>({ baseUrl: `${ORIGIN}/v1`, fetch: wrapper.fetch as typeof fetch });
  return { api, requests: recorder.requests };
}

describe("unwrap", () => {
  it("returns data on 2xx", async () => {
    const { api } = client(() => json({ id: "1", name: "one" }));
    const data = unwrap(await api.GET("/items/{id}", { params: { path: { id: "1" } } }));
    expect(data).toEqual({ id: "1", name: "one" });
  });

  it("throws the typed error with method, redacted URL, status and body on 4xx", async () => {
    const { api } = client(() =>
      json({ message: "404 Project Not Found" }, { status: 404, headers: { "x-request-id": "rid-4" } }),
    );
    const result = await api.GET("/items/{id}", {
      params: { path: { id: "42" }, query: { private_token: "pt-secret" } },
    });
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${ORIGIN}/v1/items/42?private_token=[REDACTED]`);
    expect(error.body).toEqual({ message: "404 Project Not Found" });
    expect(error.requestId).toBe("rid-4");
    expect(error.message).toBe(
      `GET ${ORIGIN}/v1/items/42?private_token=[REDACTED] failed with 404: 404 Project Not Found`,
    );
  });

  it("reports the method and URL of a POST, and the vendor code", async () => {
    const { api, requests } = client(() => json({ code: "invalid_name", message: "name is taken" }, { status: 422 }));
    const result = await api.POST("/items", { body: { name: "x" } });
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.method).toBe("POST");
    expect(error.url).toBe(`${ORIGIN}/v1/items`);
    expect(error.code).toBe("invalid_name");
    expect(requests[0]?.body).toBe('{"name":"x"}');
  });

  it("throws ServerError after the retries are spent", async () => {
    const { api, requests } = client(() => json({ message: "down" }, { status: 503 }));
    const result = await api.GET("/items/{id}", { params: { path: { id: "1" } } });
    const error = await caught(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(requests).toHaveLength(2);
  });

  it("falls back to the response URL for a response that did not come through the wrapper", () => {
    const error = (() => {
      try {
        unwrap({ error: { message: "x" }, response: new Response(null, { status: 500 }) });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ApiError).method).toBe("REQUEST");
    expect((error as ApiError).url).toBe("");
  });
});

describe("throwOnError middleware", () => {
  it("returns data on 2xx", async () => {
    const { api } = client(() => json({ id: "7" }, { status: 201 }));
    api.use(throwOnError());
    const { data } = await api.POST("/items", { body: { name: "n" } });
    expect(data).toEqual({ id: "7" });
  });

  it("throws the typed error with method, URL, status and parsed body", async () => {
    const { api } = client(() => json({ code: "dup", message: "exists" }, { status: 422 }));
    api.use(throwOnError());
    const error = await caught(api.POST("/items", { body: { name: "n" } }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.method).toBe("POST");
    expect(error.url).toBe(`${ORIGIN}/v1/items`);
    expect(error.status).toBe(422);
    expect(error.code).toBe("dup");
    expect(error.body).toEqual({ code: "dup", message: "exists" });
  });

  it("keeps a non-JSON body as text", async () => {
    const { api } = client(() => new Response("<html>nope</html>", { status: 404 }));
    api.use(throwOnError());
    const error = await caught(api.GET("/items/{id}", { params: { path: { id: "9" } } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBe("<html>nope</html>");
    expect(error.url).toBe(`${ORIGIN}/v1/items/9`);
  });
});
