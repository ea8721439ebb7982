import { filenameFrom } from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { createDataopsLiveClient, NotFoundError, privateToken } from "../../src/index.js";
import { fakeGitlab, json } from "./fake-gitlab.js";

const LOG = "Running with gitlab-runner 16.11.1\nJob succeeded\n";
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);

/** The whole stream as text, read chunk by chunk (what a consumer of `Download.stream` does). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

function server() {
  return fakeGitlab((request) => {
    if (request.path.endsWith("/trace")) return new Response(LOG, { headers: { "content-type": "text/plain" } });
    if (request.path.includes("/artifacts")) {
      return new Response(ZIP, {
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(ZIP.byteLength),
          "content-disposition": `attachment; filename="artifacts.zip"; filename*=UTF-8''artifacts.zip`,
        },
      });
    }
    return json({ message: "404 Not found" }, { status: 404 });
  });
}

const client = (fetch: typeof globalThis.fetch) => createDataopsLiveClient({ auth: privateToken("glpat-x"), fetch });

describe("job trace", () => {
  it("streams the log", async () => {
    const download = await client(server().fetch).getJobTrace(21816, 8);
    const { text, chunks } = await readAll(download.stream);
    expect(text).toBe(LOG);
    expect(chunks).toBeGreaterThanOrEqual(1);
    expect(download.contentType).toBe("text/plain");
  });

  it("gives the log as text", async () => {
    const fake = server();
    expect(await client(fake.fetch).getJobTraceText("g/p", 8)).toBe(LOG);
    expect(fake.requests[0]?.path).toBe("/projects/g%2Fp/jobs/8/trace");
  });

  it("a missing job is a NotFoundError, not an empty log", async () => {
    const fake = fakeGitlab(() => json({ message: "404 Not found" }, { status: 404 }));
    await expect(client(fake.fetch).getJobTraceText(1, 9)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client(fake.fetch).getJobTrace(1, 9)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("artifacts", () => {
  it("downloads the archive as bytes, with its file name and size", async () => {
    const download = await client(server().fetch).downloadJobArtifacts(21816, 8);
    expect(download.filename).toBe("artifacts.zip");
    expect(download.size).toBe(6);
    expect(await download.bytes()).toEqual(ZIP);
  });

  it("streams one artifact file and passes a CI job token as job_token", async () => {
    const fake = server();
    const download = await createDataopsLiveClient({ fetch: fake.fetch }).downloadArtifactFile(
      21816,
      8,
      "target/run_results.json",
      { jobToken: "ci-job-token" },
    );
    const reader = download.stream.getReader();
    const first = await reader.read();
    expect(first.value?.[0]).toBe(0x50);
    await reader.cancel();
    expect(fake.requests[0]?.path).toBe("/projects/21816/jobs/8/artifacts/target%2Frun_results.json");
    expect(fake.requests[0]?.url.searchParams.get("job_token")).toBe("ci-job-token");
  });

  it("downloads by ref and job name", async () => {
    const fake = server();
    await client(fake.fetch).downloadArtifactsByRef(21816, "main", { job: "Transform all" });
    expect(fake.requests[0]?.path).toBe("/projects/21816/jobs/artifacts/main/download");
    expect(fake.requests[0]?.url.searchParams.get("job")).toBe("Transform all");
  });
});

describe("filenameFrom", () => {
  it.each([
    [`attachment; filename="artifacts.zip"; filename*=UTF-8''artifacts.zip`, "artifacts.zip"],
    [`attachment; filename*=UTF-8''r%C3%A9sultats.zip; filename="resultats.zip"`, "résultats.zip"],
    ["attachment; filename=plain.log", "plain.log"],
    [`attachment; filename="with \\"quotes\\".txt"`, 'with "quotes".txt'],
    ["inline", undefined],
    [null, undefined],
  ])("%s → %s", (header, name) => {
    expect(filenameFrom(header)).toBe(name);
  });
});
