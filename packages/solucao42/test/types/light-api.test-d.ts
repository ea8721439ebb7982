import { describe, expectTypeOf, it } from "vitest";
import { createSolucao42Api, createSolucao42Client } from "../../src/index.js";

describe("createSolucao42Api", () => {
  it("has the full client's api and baseUrl, and nothing else", () => {
    const light = createSolucao42Api({ baseUrl: "https://x.example" });
    const full = createSolucao42Client({ baseUrl: "https://x.example" });
    expectTypeOf(light).toEqualTypeOf<{ api: typeof full.api; baseUrl: string }>();
    // @ts-expect-error paging and the generated methods belong to the full client
    light.paginate;
  });
});
