import { describe, expect, it } from "vitest";
import {
  AbortError,
  createDataopsLiveClient,
  PollTimeoutError,
  privateToken,
  SETTLED_PIPELINE_STATUSES,
} from "../../src/index.js";
import { fakeGitlab, json, pipeline } from "./fake-gitlab.js";

/** A pipeline that reports `states` on successive polls (the last one repeats). */
function pipelineServer(states: string[]) {
  const queue = [...states];
  return fakeGitlab(() => json(pipeline(queue.length > 1 ? (queue.shift() as string) : (queue[0] as string))));
}

const fast = { initialDelayMs: 1, maxDelayMs: 5 };

describe("waitForPipeline", () => {
  it("polls until the pipeline finishes and returns the final state", async () => {
    const fake = pipelineServer(["pending", "running", "running", "success"]);
    const seen: string[] = [];
    const dol = createDataopsLiveClient({ auth: privateToken("glpat-x"), fetch: fake.fetch });
    const done = await dol.waitForPipeline("g/p", 290, { ...fast, onPoll: (p) => seen.push(p.status) });
    expect(done.status).toBe("success");
    expect(seen).toEqual(["pending", "running", "running", "success"]);
    expect(fake.requests.every((r) => r.path === "/projects/g%2Fp/pipelines/290")).toBe(true);
  });

  it.each(["failed", "canceled", "skipped"])("returns a %s pipeline rather than throwing", async (status) => {
    const fake = pipelineServer(["running", status]);
    const done = await createDataopsLiveClient({ fetch: fake.fetch }).waitForPipeline(1, 290, fast);
    expect(done.status).toBe(status);
  });

  it.each(["manual", "scheduled"])("returns on %s instead of waiting for a person or a time", async (status) => {
    const fake = pipelineServer(["created", status, "success"]);
    const done = await createDataopsLiveClient({ fetch: fake.fetch }).waitForPipeline(1, 290, fast);
    expect(done.status).toBe(status);
    expect(fake.requests).toHaveLength(2);
  });

  it("backs off between polls", async () => {
    const fake = pipelineServer(["running", "running", "running", "success"]);
    const started: number[] = [];
    const dol = createDataopsLiveClient({
      fetch: (async (input: Request | string | URL, init?: RequestInit) => {
        started.push(performance.now());
        return fake.fetch(input, init);
      }) as typeof globalThis.fetch,
    });
    await dol.waitForPipeline(1, 290, { initialDelayMs: 20, factor: 2, maxDelayMs: 1000 });
    const gaps = started.slice(1).map((t, i) => t - (started[i] as number));
    // 20, 40, 80 ms (timers may fire a little late, never early).
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
  });

  it("is abortable", async () => {
    const fake = pipelineServer(["running"]);
    const controller = new AbortController();
    const waiting = createDataopsLiveClient({ fetch: fake.fetch }).waitForPipeline(1, 290, {
      initialDelayMs: 50,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 80);
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
  });

  it("gives up at waitTimeout with the last state", async () => {
    const fake = pipelineServer(["running"]);
    const error = await createDataopsLiveClient({ fetch: fake.fetch })
      .waitForPipeline(1, 290, { ...fast, waitTimeout: 60 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError<{ status: string }>).lastValue.status).toBe("running");
    expect((error as Error).message).toContain("DataOps.live pipeline 290 did not finish within 60 ms");
  });

  it("checks ids before polling", async () => {
    const fake = pipelineServer(["success"]);
    await expect(createDataopsLiveClient({ fetch: fake.fetch }).waitForPipeline(1, 0)).rejects.toThrow(
      "`pipeline_id` must be a positive whole number",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("settles exactly on GitLab's final and waiting statuses", () => {
    expect([...SETTLED_PIPELINE_STATUSES].sort()).toEqual(
      ["canceled", "failed", "manual", "scheduled", "skipped", "success"].sort(),
    );
  });
});
