// GitLab's action endpoints ignore a request body, and python-gitlab sends `{}` as JSON there: the spec accepts it
// (the mock answered 415 before), while the SDK's own methods send no body at all.
import { describe, expect, it } from "vitest";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { ACCESS_TOKEN } from "./support.js";

const actions: Array<[string, string]> = [
  ["cancelPipeline", "/projects/21816/pipelines/287/cancel"],
  ["retryPipeline", "/projects/21816/pipelines/287/retry"],
  ["cancelJob", "/projects/21816/jobs/8/cancel"],
  ["retryJob", "/projects/21816/jobs/8/retry"],
  ["eraseJob", "/projects/21816/jobs/8/erase"],
  ["playPipelineSchedule", "/projects/21816/pipeline_schedules/13/play"],
];

describe("action endpoints accept the `{}` JSON body other GitLab clients send", () => {
  it.each(actions)("%s answers its documented success", async (_operation, path) => {
    const response = await fetch(`${mockUrl("dataops-live")}${path}`, {
      method: "POST",
      headers: { "private-token": ACCESS_TOKEN, "content-type": "application/json" },
      body: "{}",
    });
    expect([200, 201]).toContain(response.status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    await response.body?.cancel();
  });
});
