import { inject } from "vitest";

/**
 * The URL (base path included) of the vendor's mock that test/setup/mocks.ts started for this run. The setup
 * starts only the vendors the run's test files need: the package a file lives in (packages/<dir>/) and any vendor
 * named in a literal `mockUrl("<dir>")` call, so call it with a string literal.
 */
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
      `no mock for "${dir}" in this run (mocks started: ${known}): is specs/${dir}/openapi.yaml in redocly.yaml, and does this test file live in packages/${dir}/ or call mockUrl("${dir}") with a literal?`,
    );
  }
  return url;
}
