// The mock proxy's paging step, chosen by the spec root's `x-dataclients-paging.style` (specs/README.md).
// A spec without the extension gets none: its answers pass through as Prism sends them.
import { bodyStep } from "./body.js";
import type { PagingConfig } from "./config.js";
import { envelopeStep } from "./envelope.js";
import { headersStep } from "./headers.js";
import type { PagingStep } from "./step.js";

export { type PagingConfig, pagingConfigOf } from "./config.js";
export type { HeaderMap, PagingAnswer, PagingRequest, PagingStep } from "./step.js";

/** `where` names the spec in error messages (a style missing a field it needs). */
export function pagingStepFor(config: PagingConfig | undefined, where: string): PagingStep | undefined {
  if (!config) return undefined;
  const at = `${where}#/x-dataclients-paging`;
  switch (config.style) {
    case "headers":
      return headersStep(config);
    case "envelope":
      return envelopeStep(config, at);
    case "body":
      return bodyStep(config, at);
  }
}
