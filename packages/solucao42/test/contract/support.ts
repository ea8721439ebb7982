import { mockUrl } from "../../../../test/support/mock-url.js";
import { apiKeyAuth, createSolucao42Client, type Solucao42ClientOptions } from "../../src/index.js";

/** The seed's credentials: the mock accepts any well-formed body. */
export const seedCredentials = { companySlug: "acme", apiKey: "s42_xxxxxxxxx", apiSecret: "xxxxxxxxx" };

/** A client on the run's Solucao42 mock; retries off so each Prefer'd status is answered exactly once. */
export function mockClient(options: Solucao42ClientOptions = {}) {
  return createSolucao42Client({
    baseUrl: mockUrl("solucao42"),
    auth: apiKeyAuth(seedCredentials),
    maxRetries: 0,
    ...options,
  });
}

/** Asks Prism for one documented response. */
export const prefer = (value: string) => ({ headers: { Prefer: value } });
