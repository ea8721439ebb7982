import { describe, expectTypeOf, it } from "vitest";
import { bearer, createDatagalaxyClient } from "../../src/index.js";

const client = createDatagalaxyClient({ baseUrl: "https://example.test", auth: bearer("t") });

describe("the generated methods", () => {
  it("are typed from the spec", () => {
    expectTypeOf(client.listAttributes).returns.toExtend<Promise<unknown>>();
    // @ts-expect-error not an operation of the spec
    client.noSuchOperation();
  });
});
