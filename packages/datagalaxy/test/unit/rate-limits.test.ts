// 429: DataGalaxy may block the caller's IP for 15 minutes, so a 429 is retried only when Retry-After says when
// (within the retry cap), and the RateLimitError says what may have happened, from methods and lists alike.
import { describe, expect, it } from "vitest";
import { rejection } from "../../../../test/support/catch-error.js";
import { RATE_LIMIT_HINT, RateLimitError, ServerError } from "../../src/index.js";
import { fakeClient, fakeDatagalaxy, json, TOKEN, VERSION_ID } from "./fake-datagalaxy.js";

const TOO_MANY = { error: "Too many requests" };
const OK = { organizations: [], projects: [] };

/** Answers 429 (with `headers`) to the first request, then 200. */
function limitedOnce(headers: Record<string, string> = {}) {
  return fakeDatagalaxy((_request, index) =>
    index === 0 ? json(TOO_MANY, { status: 429, headers: { "x-ratelimit-remaining": "0", ...headers } }) : json(OK),
  );
}

describe("a 429", () => {
  it("without Retry-After is not retried: a RateLimitError that says the IP may be blocked for 15 minutes", async () => {
    const fake = limitedOnce();
    const error = await rejection(fakeClient(fake.fetch, { maxRetries: 2 }).listWorkspaces());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(
      `GET https://acme.api.datagalaxy.com/v2/workspaces failed with 429 [Too many requests]: Too many requests. ${RATE_LIMIT_HINT}`,
    );
    expect(error.message).toContain("The IP address may now be blocked for 15 minutes");
    expect(error.stack).toContain(RATE_LIMIT_HINT);
    expect((error as RateLimitError).headers["x-ratelimit-remaining"]).toBe("0");
    expect(fake.requests).toHaveLength(1);
  });

  it("with a Retry-After within the cap is retried after it", async () => {
    const fake = limitedOnce({ "retry-after": "0" });
    expect(await fakeClient(fake.fetch, { maxRetries: 2 }).listWorkspaces()).toEqual(OK);
    expect(fake.requests).toHaveLength(2);
  });

  it("with a Retry-After beyond the cap (60 s) is surfaced at once, with retryAfter", async () => {
    const fake = limitedOnce({ "retry-after": "900" });
    const error = await rejection(fakeClient(fake.fetch, { maxRetries: 2 }).listWorkspaces());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(900);
    expect(error.message).toContain(RATE_LIMIT_HINT);
    expect(fake.requests).toHaveLength(1);
  });

  it("the caller can opt back into blind retries, or raise the cap, through retryPolicy", async () => {
    const blind = limitedOnce();
    const client = fakeClient(blind.fetch, { maxRetries: 1, retryPolicy: { retryOn429WithoutRetryAfter: true } });
    expect(await client.listWorkspaces()).toEqual(OK);
    expect(blind.requests).toHaveLength(2);
  });

  it("from a list, while iterating, carries the hint too (items, pages() and toArray())", async () => {
    const client = () => fakeClient(limitedOnce().fetch);
    const viaArray = await rejection(client().listSources({ versionId: VERSION_ID }).toArray());
    const viaPages = await rejection(
      (async () => {
        for await (const _ of client().listSources({ versionId: VERSION_ID }).pages());
      })(),
    );
    const viaItems = await rejection(
      (async () => {
        for await (const _ of client().paginate("/tags"));
      })(),
    );
    for (const error of [viaArray, viaPages, viaItems]) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.message.endsWith(RATE_LIMIT_HINT)).toBe(true);
    }
  });

  it("of a POST is never retried, and flows carry the hint", async () => {
    const fake = limitedOnce({ "retry-after": "0" });
    const error = await rejection(
      fakeClient(fake.fetch, { maxRetries: 2 }).createSource(VERSION_ID, { name: "s", type: "NoSql" }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toContain(RATE_LIMIT_HINT);
    expect(fake.requests).toHaveLength(1);
    const viaFlow = await rejection(fakeClient(limitedOnce().fetch).defaultVersionId());
    expect(viaFlow.message).toContain(RATE_LIMIT_HINT);
  });

  it("other errors are untouched, and no error carries the token", async () => {
    const fake = fakeDatagalaxy(() => json({ error: `boom ${TOKEN}` }, { status: 500 }));
    const error = await rejection(fakeClient(fake.fetch).listWorkspaces());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).not.toContain("15 minutes");
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
