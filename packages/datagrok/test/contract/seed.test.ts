// The seed's flow end to end against the mock, written as the README's example: a CSV streamed up from a Node
// Readable, the table streamed down, a dashboard over it, shared, and a function called with a typed result.
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import { mockUrl } from "../../../../test/support/mock-url.js";
import { bearer, createDatagrokClient } from "../../src/index.js";

const CSV = "region,product,sales\nNorth,Widget,1200\nSouth,Gadget,860\n";

it("upload, download, dashboard, share, call", async () => {
  const grok = createDatagrokClient({ baseUrl: mockUrl("datagrok"), auth: bearer("contract-test-token") });
  const { ID: tableId } = await grok.uploadTable("Demo:Sales", Readable.from([Buffer.from(CSV)]));
  expect(tableId).toBe("7b2e9a10-3f4c-11ef-8a1d-5f0c2b9e4a11");

  const csv = await grok.downloadTable("Demo:Sales");
  expect(await csv.text()).toBe(CSV);

  const dash = await grok.createDashboard("Sales", [tableId]);
  expect(dash["Grok name"]).toBe("Demo.SalesDashboard");

  const share = await grok.shareDashboard(dash.ID, { groups: ["All users"], access: "View" });
  expect(share.status).toBe("success");

  const sum = await grok.callFunction<number>("Samples:Sum", { a: 1, b: 2 });
  expect(sum).toBe(5); // the mock's example result
});
