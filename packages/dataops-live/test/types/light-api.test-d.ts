import { describe, expectTypeOf, it } from "vitest";
import { createDataopsLiveApi, createDataopsLiveClient } from "../../src/index.js";

describe("createDataopsLiveApi", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = createDataopsLiveApi({ baseUrl: "https://x.example/api/v4" });
    const full = createDataopsLiveClient({ baseUrl: "https://x.example/api/v4" });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof full.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
