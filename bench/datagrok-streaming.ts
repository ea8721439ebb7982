// Datagrok tables in constant memory: uploads 200 MiB of CSV generated on the fly through `uploadTable` and
// downloads 200 MiB through `downloadTable(...).stream`, sampling this process's memory, and prints the growth over
// the baseline for each direction (target: under 64 MiB each way). The server is node:http on 127.0.0.1 in a child
// process, so its buffers are not counted here; nothing leaves 127.0.0.1, and every step is bounded in time.
//
//   pnpm build && pnpm exec tsx --tsconfig tsconfig.dist.json bench/datagrok-streaming.ts   # the built package
//   pnpm exec tsx bench/datagrok-streaming.ts                                               # the sources
//
// BENCH_MB sets the size (default 200). Exit code 1 when a direction exceeds the target or a transfer is short.
import { type ChildProcess, spawn } from "node:child_process";

type Datagrok = typeof import("@dataclients/datagrok");

const MIB = 1024 * 1024;
const TOTAL_BYTES = Number(process.env.BENCH_MB ?? 200) * MIB;
const TARGET_BYTES = 64 * MIB;
const CHUNK_BYTES = 64 * 1024;
const DEADLINE_MS = 180_000;
const SAMPLE_MS = 10;

/** The stand-in server, plain JavaScript for `node -e`: POST counts the body, GET streams `x-bench-size` bytes of CSV. */
const SERVER = String.raw`
const http = require("node:http");
const row = "4711,North,Widget,1200.50,2026-03-01\n";
const block = Buffer.from(row.repeat(Math.ceil(65536 / row.length)));
const server = http.createServer((req, res) => {
  if (req.method === "POST") {
    let bytes = 0;
    req.on("data", (chunk) => { bytes += chunk.length; });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ID: "7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11", "Grok name": "Bench.Big", bytes }));
    });
    return;
  }
  const size = Number(req.headers["x-bench-size"] || 1048576);
  res.writeHead(200, { "content-type": "text/csv", "content-length": String(size) });
  let sent = 0;
  const pump = () => {
    while (sent < size) {
      const piece = size - sent >= block.length ? block : block.subarray(0, size - sent);
      sent += piece.length;
      if (!res.write(piece)) return res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => { sent = size; });
  pump();
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
setTimeout(() => process.exit(0), ${DEADLINE_MS + 30_000}).unref();
process.on("disconnect", () => process.exit(0));
`;

/** The client from the package name (sources under plain tsx), or the built dist when that name does not resolve. */
async function loadClient(): Promise<{ module: Datagrok; from: string }> {
  try {
    return { module: await import("@dataclients/datagrok"), from: "@dataclients/datagrok" };
  } catch {
    // tsconfig.dist.json has no path to the sources, and the repository root does not depend on the package: load
    // the build output by URL (a computed specifier, so type-checking does not need dist to exist).
    const dist = new URL("../packages/datagrok/dist/index.js", import.meta.url).href;
    return { module: (await import(dist)) as Datagrok, from: "packages/datagrok/dist (built)" };
  }
}

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the bench server did not start within 10 s")), 10_000);
    child.stdout?.once("data", (data: Buffer) => {
      clearTimeout(timer);
      resolve(Number(String(data).trim()));
    });
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return { child, port };
}

interface Peak {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

/** Samples memory every SAMPLE_MS while `work` runs (and once per call of the returned `sample`), keeping the peak. */
async function measured<T>(
  work: (sample: () => void) => Promise<T>,
): Promise<{ result: T; base: Peak; peak: Peak; ms: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  const peak: Peak = { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  try {
    const result = await work(sample);
    sample();
    return {
      result,
      base: { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers },
      peak,
      ms: performance.now() - started,
    };
  } finally {
    clearInterval(timer);
  }
}

/** CSV generated on the fly: 64 KiB per chunk, each a fresh buffer (as a file or socket would give), rows numbered. */
async function* csvRows(total: number, sample: () => void): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = "North,Widget,1200.50,2026-03-01\n".repeat(Math.ceil(CHUNK_BYTES / 32));
  const template = encoder.encode(rows).subarray(0, CHUNK_BYTES);
  let sent = 0;
  let index = 0;
  while (sent < total) {
    const chunk = template.slice(0, Math.min(CHUNK_BYTES, total - sent));
    // A row id per chunk, so no two chunks are the same bytes.
    encoder.encodeInto(`${index++}`.padStart(5, "0"), chunk);
    sent += chunk.byteLength;
    if (index % 16 === 0) sample();
    yield chunk;
  }
}

const mib = (bytes: number) => (bytes / MIB).toFixed(1);

async function main(): Promise<void> {
  const { module, from } = await loadClient();
  const { child, port } = await startServer();
  const deadline = AbortSignal.timeout(DEADLINE_MS);
  const grok = module.createDatagrokClient({
    baseUrl: `http://127.0.0.1:${port}/api`,
    auth: module.bearer("bench-key"),
    timeout: DEADLINE_MS,
    maxRetries: 0,
  });
  try {
    // Warm-up: first-use costs (undici's pool, lazily loaded code) are not part of a transfer's growth.
    await grok.uploadTable(
      "Bench:Big",
      csvRows(MIB, () => {}),
      { signal: deadline },
    );
    await (await grok.downloadTable("Bench:Big", { signal: deadline })).text();

    const up = await measured(async (sample) => {
      const ids = (await grok.uploadTable("Bench:Big", csvRows(TOTAL_BYTES, sample), { signal: deadline })) as {
        ID: string;
        bytes?: number;
      };
      return ids.bytes ?? 0;
    });

    const down = await measured(async (sample) => {
      // The stand-in reads the size to send from a header (the operation has no query parameters).
      const download = await grok.downloadTable("Bench:Big", {
        signal: deadline,
        headers: { "x-bench-size": String(TOTAL_BYTES) },
      });
      let bytes = 0;
      let chunks = 0;
      for await (const chunk of download.stream as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (++chunks % 64 === 0) sample();
      }
      return bytes;
    });

    const rows = [
      ["upload (uploadTable, AsyncIterable body)", up],
      ["download (downloadTable().stream)", down],
    ] as const;
    console.log(
      `Datagrok streaming, ${mib(TOTAL_BYTES)} MiB each way over 127.0.0.1 (${from}, Node ${process.version})`,
    );
    const table = [
      ["direction", "MiB moved", "seconds", "MiB/s", "rss growth", "heapUsed growth", "arrayBuffers growth", "target"],
    ];
    let failed = false;
    for (const [name, run] of rows) {
      const rss = run.peak.rss - run.base.rss;
      const buffers = run.peak.arrayBuffers - run.base.arrayBuffers;
      const complete = run.result === TOTAL_BYTES;
      const within = rss < TARGET_BYTES && buffers < TARGET_BYTES;
      failed ||= !complete || !within;
      table.push([
        name,
        mib(run.result),
        (run.ms / 1000).toFixed(1),
        (run.result / MIB / (run.ms / 1000)).toFixed(0),
        `${mib(rss)} MiB`,
        `${mib(run.peak.heapUsed - run.base.heapUsed)} MiB`,
        `${mib(buffers)} MiB`,
        !complete ? `SHORT (${run.result} bytes)` : within ? "< 64 MiB: ok" : "OVER 64 MiB",
      ]);
    }
    const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
    for (const row of table) {
      console.log(
        row
          .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
          .join("  "),
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    child.kill();
  }
}

await main();
