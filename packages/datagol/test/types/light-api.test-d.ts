import { describe, expectTypeOf, it } from "vitest";
import { createDatagolApi, createDatagolClient } from "../../src/index.js";

describe("createDatagolApi", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = createDatagolApi({ baseUrl: "https://x.example" });
    const full = createDatagolClient({ baseUrl: "https://x.example" });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof full.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
