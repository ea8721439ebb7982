import { describe, expectTypeOf, it } from "vitest";
import { createDatagrokApi, createDatagrokClient } from "../../src/index.js";

describe("createDatagrokApi", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = createDatagrokApi({ baseUrl: "https://x.example/api" });
    const full = createDatagrokClient({ baseUrl: "https://x.example/api" });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof full.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
