// The contract between `pnpm demo` and each package's examples/seed-flow.ts: a flow receives the mock's
// base URL and a `step` function that runs one documented step and prints a one-line result.

export interface DemoContext {
  /** Base URL of the vendor's mock (includes the vendor's base path). */
  baseUrl: string;
  /** Runs one step; `fn` returns the short summary to print. A failure is recorded, and the flow stops. */
  step(title: string, fn: () => Promise<string>): Promise<void>;
}

export interface StepResult {
  vendor: string;
  title: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export class StepFailed extends Error {}

export function stepRunner(vendor: string, results: StepResult[], print: (line: string) => void): DemoContext["step"] {
  return async (title, fn) => {
    const started = performance.now();
    try {
      const detail = await fn();
      const ms = Math.round(performance.now() - started);
      results.push({ vendor, title, ok: true, detail, ms });
      print(`  ✓ ${title} (${ms} ms)\n      ${detail.split("\n").join("\n      ")}`);
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ vendor, title, ok: false, detail, ms });
      print(`  ✗ ${title} (${ms} ms)\n      ${detail}`);
      throw new StepFailed(title);
    }
  };
}
