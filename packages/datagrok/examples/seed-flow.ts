// The seed's flow (the vendor's "REST API" page), run by `pnpm demo` against the mock through the built package: upload
// a CSV, download it, build a dashboard on it, share the dashboard, call a function; then the "200 with api-error"
// failure as the typed error. Prism answers each call with the spec's example (it keeps no state).
import { bearer, createDatagrokClient, DatagrokApiError, toRestName } from "@dataclients/datagrok";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

const CSV = "region,product,sales\nNorth,Widget,1200\nSouth,Gadget,860\n";

/** The CSV as a stream of chunks, the way a file read from disk arrives (the client sends it without buffering). */
async function* csvChunks(): AsyncGenerator<Uint8Array> {
  for (const line of CSV.split(/(?<=\n)/)) yield new TextEncoder().encode(line);
}

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const grok = createDatagrokClient({ baseUrl, auth: bearer("your-api-key") });
  let tableId = "";
  let dashboardId = "";

  await step(`POST /public/v1/tables/${toRestName("Demo:Sales")}: upload a CSV (streamed)`, async () => {
    const ids = await grok.uploadTable("Demo:Sales", csvChunks());
    tableId = ids.ID;
    return `ID ${ids.ID}, Grok name ${ids["Grok name"]}`;
  });

  await step("GET /public/v1/tables/Demo.Sales: download it as CSV", async () => {
    const csv = await grok.downloadTable("Demo:Sales");
    const text = await csv.text();
    return `${csv.contentType}, ${text.trim().split("\n").length - 1} rows; header "${text.split("\n")[0]}"`;
  });

  await step("POST /public/v1/dashboards/Sales/{table_ids}: create a dashboard", async () => {
    const dash = await grok.createDashboard("Sales", [tableId]);
    dashboardId = dash.ID;
    return `ID ${dash.ID}, ${dash.URL}`;
  });

  await step("GET /public/v1/dashboards/{id}/shares?groups=All users&access=View: share it", async () => {
    const share = await grok.shareDashboard(dashboardId, { groups: ["All users"], access: "View" });
    return `${share.status}: shared with ${JSON.stringify(share.shared)}`;
  });

  await step("POST /public/v1/Samples.Sum/call: call a function", async () => {
    const sum = await grok.callFunction<number>("Samples:Sum", { a: 1, b: 2 });
    return `result ${sum} (the mock's example)`;
  });

  await step("a 200 with an api-error header is thrown, not returned", async () => {
    const prefer = { headers: { Prefer: `api-error=${encodeURIComponent('Table "Demo.Missing" not found')}` } };
    try {
      await grok.downloadTable("Demo:Missing", prefer);
    } catch (error) {
      if (error instanceof DatagrokApiError) return `${error.name} (status ${error.status}): ${error.code}`;
      throw error;
    }
    throw new Error("expected a DatagrokApiError");
  });
}
