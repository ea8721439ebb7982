import { inject } from "vitest";

/** The URL (base path included) of the vendor's mock that test/setup/mocks.ts started for this run. */
export function mockUrl(dir: string): string {
  const urls = inject("mockUrls");
  if (!urls) {
    throw new Error(
      `no mock URLs were provided: add "test/setup/mocks.ts" to this vitest project's globalSetup to reach the ${dir} mock`,
    );
  }
  const url = urls[dir];
  if (!url) {
    const known = Object.keys(urls).join(", ") || "none";
    throw new Error(
      `no mock for "${dir}" in this run (mocks started: ${known}); is specs/${dir}/openapi.yaml in redocly.yaml?`,
    );
  }
  return url;
}
