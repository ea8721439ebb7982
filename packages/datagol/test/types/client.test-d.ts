import { describe, expectTypeOf, it } from "vitest";
import { bearer, createDatagolClient } from "../../src/index.js";

const client = createDatagolClient({ baseUrl: "https://example.test", auth: bearer("t") });

describe("the generated methods", () => {
  it("are typed from the spec", () => {
    expectTypeOf(client.createServiceAccount).returns.toExtend<Promise<unknown>>();
    // @ts-expect-error not an operation of the spec
    client.noSuchOperation();
  });
});
