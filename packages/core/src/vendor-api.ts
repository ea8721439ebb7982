// createVendorApi: the light factory behind every vendor's create<Vendor>Api. The same option handling as the full
// client (validation, base URL, auth binding, the vendor's checks before it), but only the typed openapi-fetch
// client comes back: no generated methods, paginators, flows or body encoders, so an api-only program pays for none.
import { type ApiClientMeta, createApiClient, type PathsObject } from "./client.js";
import type { ClientOptions } from "./options.js";
import type { VendorClient } from "./vendor-client.js";

/** What a light factory returns: the full client's `api` and `baseUrl`, so code moves between the two unchanged. */
export type VendorApi<Paths extends PathsObject> = Pick<VendorClient<Paths, unknown>, "api" | "baseUrl">;

export function createVendorApi<Paths extends PathsObject>(
  options: ClientOptions,
  meta: ApiClientMeta,
): VendorApi<Paths> {
  const { api, baseUrl } = createApiClient<Paths>(options, meta);
  return { api, baseUrl };
}
