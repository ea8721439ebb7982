import { describe, expectTypeOf, it } from "vitest";
import { createDatagalaxyApi, createDatagalaxyClient } from "../../src/index.js";

describe("createDatagalaxyApi", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = createDatagalaxyApi({ baseUrl: "https://x.example/v2" });
    const full = createDatagalaxyClient({ baseUrl: "https://x.example/v2" });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof full.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
