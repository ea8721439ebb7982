// The vendor's documented flow (the API guide's "Complete workflow"), run by `pnpm demo` against the mock through
// the built package: 1. log in (the JWT comes back in the Authorization response header), 2. get the service
// account's token with the JWT, 3. query noCo data with the token as x-auth-token; then a row round trip. A
// recording fetch shows which credential each request carried (values shortened).
import {
  ConfigurationError,
  createDatagolClient,
  datagolLogin,
  serviceAccount,
  serviceToken,
} from "@dataclients/datagol";
import type { DemoContext } from "../../../scripts/lib/demo-steps.js";

const WORKSPACE = "b3e1a902-1234-4abc-9def-7f8a90bc1234";
const TABLE = "6a175502-6458-4314-b4c5-3c2f29626dea";

export async function seedFlow({ baseUrl, step }: DemoContext): Promise<void> {
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const auth = request.headers.get("authorization");
    const token = request.headers.get("x-auth-token");
    const credential = auth
      ? `Authorization: ${auth.slice(0, 16)}…`
      : token
        ? `x-auth-token: ${token.slice(0, 6)}…`
        : "no credential";
    sent.push(`${request.method} ${new URL(request.url).pathname} [${credential}]`);
    return globalThis.fetch(request);
  };
  const wire = () => sent.splice(0).join("\n");

  const login = datagolLogin({ email: "sample_email@datagol.com", password: "UserPassword123" });
  const admin = createDatagolClient({ baseUrl, auth: login, fetch });
  let serviceAccountId = 0;

  await step("1. Log in: POST /idp/api/v1/user/login, JWT from the Authorization header", async () => {
    const team = await admin.listTeam();
    return `${wire()}\n→ the JWT works on IdP endpoints: ${team.length} team members`;
  });

  await step("2. Create a service account and give it the workspace (with the JWT)", async () => {
    const account = await admin.createServiceAccount({ name: "ci_cd_service_account", description: "CI/CD" });
    // The create answer carries the id and the generated e-mail (the vendor's docs page shows a token instead).
    if (account.id === undefined || account.email === undefined) throw new Error("the answer has no id or email");
    serviceAccountId = account.id;
    await admin.addWorkspaceUsers(WORKSPACE, {
      workSpaceUsers: [{ email: account.email, role: "CREATOR" }],
      message: "",
    });
    return `${wire()}\n→ service account ${account.id} (${account.email})`;
  });

  const dg = createDatagolClient({ baseUrl, auth: serviceAccount({ login, serviceAccountId }), fetch });

  await step(
    "3. Access data: a client for the service account (it logs in, gets the token with the JWT) sends x-auth-token to noCo",
    async () => {
      const sqlName = await dg.tableSqlName(WORKSPACE, TABLE);
      const { rows } = await dg.executeQuery(WORKSPACE, TABLE, `SELECT * FROM ${sqlName}`);
      return `${wire()}\n→ SELECT * FROM ${sqlName}: ${rows.length} rows, first ${JSON.stringify(rows[0])}`;
    },
  );

  await step("Paged query: POST …/cursor, page by page", async () => {
    const lines: string[] = [];
    for await (const page of dg.queryRows(WORKSPACE, TABLE, { where: "`is_active` = true", pageSize: 2 }).pages()) {
      lines.push(`page ${page.index}: rows ${page.items.map((row) => row.id).join(", ") || "(none)"}`);
    }
    sent.length = 0;
    return lines.join("; ");
  });

  await step("Row round trip: create, read, update, delete", async () => {
    const created = await dg.createRow(WORKSPACE, TABLE, {
      cellValues: { first_name: "John", years_of_experience: 5 },
    });
    const read = await dg.getRow(WORKSPACE, TABLE, created.id);
    const updated = await dg.updateRow(WORKSPACE, TABLE, { id: created.id, cellValues: { first_name: "Johnny" } });
    await dg.deleteRow(WORKSPACE, TABLE, created.id);
    const calls = wire().split("\n").length;
    return `created row ${created.id}, read ${JSON.stringify(read.cellValues?.first_name)}, updated to ${JSON.stringify(updated.cellValues?.first_name)}, deleted (${calls} requests)`;
  });

  await step("Mistakes fail before any request", async () => {
    const messages: string[] = [];
    for (const attempt of [
      () => dg.executeQuery(WORKSPACE, TABLE, `SELECT * FROM ${TABLE}`),
      () => dg.createRow(WORKSPACE, TABLE, { first_name: "John" } as never),
      () => createDatagolClient({ baseUrl, auth: serviceToken("sa_1234567890abcdef"), fetch }).listTeam(),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      if (!(error instanceof ConfigurationError))
        throw new Error(`expected a ConfigurationError, got ${String(error)}`);
      messages.push(error.message);
    }
    if (sent.length > 0) throw new Error(`requests were sent: ${wire()}`);
    return messages.join("\n");
  });
}
