import { describe, expectTypeOf, it } from "vitest";
import { bearer, createDatagrokClient } from "../../src/index.js";

const client = createDatagrokClient({ baseUrl: "https://example.test", auth: bearer("t") });

describe("the generated methods", () => {
  it("are typed from the spec", () => {
    expectTypeOf(client.listConnections).returns.toExtend<Promise<unknown>>();
    // @ts-expect-error not an operation of the spec
    client.noSuchOperation();
  });
});
