import fs from "node:fs";
import { expect as baseExpect, test } from "@playwright/test";
import pg from "pg";
import { axeViolations } from "./a11y-helpers";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

// Generous waits: this runs beside other suites on a shared machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const ADMIN = "admin@fernhill.example";

test("an admin creates a read API key and a developer webhook at 360 px; the key reads the items", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(page, ADMIN);
  const suffix = Date.now() % 1_000_000;

  // 1. A read-only secret key (Settings → API keys), shown once.
  await page.goto("/admin/settings");
  const keys = page.getByRole("region", { name: "API keys" });
  const keyName = `Warehouse ${suffix}`;
  await keys.getByLabel("Key name").fill(keyName);
  await keys.getByLabel(/^Read data/).check();
  await keys.getByLabel("Report conversions").uncheck();
  await keys.getByRole("button", { name: "Create key" }).click();
  const keyField = keys.getByLabel(`API key “${keyName}”`);
  await expect(keyField).toHaveValue(/^chorus_sk_[0-9A-Za-z]{32}$/);
  const key = await keyField.inputValue();
  await expect(keys.getByRole("row", { name: new RegExp(keyName) })).toContainText("read");

  // 2. A developer webhook (Admin → Integrations): the signing secret is shown once.
  await page.goto("/admin/integrations");
  const panel = page.getByRole("region", { name: "Developer webhooks" });
  await expect(panel).toBeVisible();
  const hookName = `Events ${suffix}`;
  await panel.getByLabel("Name").fill(hookName);
  await panel.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${E2E.appPort + 33}/chorus-hooks`);
  await panel.getByRole("checkbox", { name: /Campaign ended/ }).check();
  await panel.getByRole("button", { name: "Add developer webhook" }).click();
  await expect(panel.getByText(`Copy the signing secret of “${hookName}” now`)).toBeVisible();
  await expect(panel.getByLabel("Signing secret")).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const item = panel.getByRole("listitem").filter({ hasText: hookName });
  await expect(item).toContainText("127.0.0.1");
  await expect(item).toContainText("Campaign ended");

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);

  await panel.getByRole("button", { name: "I have copied it" }).click();
  await page.reload();
  await expect(page.getByText(`Copy the signing secret of “${hookName}” now`)).toHaveCount(0);
  await expect(page.getByText(/whsec_/)).toHaveCount(0);
  // Turned off again, so nothing in the shared demo organisation is sent to it.
  // (The switch follows the server's answer, so it is clicked, then checked for its new state.)
  const toggle = panel.getByRole("checkbox", { name: `Send events to ${hookName}` });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(panel.getByRole("listitem").filter({ hasText: hookName })).toContainText("Off");

  // 3. The key reads the organisation's items, page by page.
  const client = new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
  await client.connect();
  try {
    const idsNow = async () =>
      (
        await client.query<{ id: string }>(
          `SELECT c.id FROM "ContentItem" c JOIN "Membership" m ON m."orgId" = c."orgId"
           JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
          [ADMIN],
        )
      ).rows.map((r) => r.id);
    const before = await idsNow();
    expect(before.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await page.request.get(
        `/api/v1/items?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { headers: { authorization: `Bearer ${key}` } },
      );
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { data: { id: string }[]; next_cursor: string | null };
      seen.push(...body.data.map((i) => i.id));
      cursor = body.next_cursor;
    } while (cursor);
    // Other specs may add items meanwhile: every item there before is listed, nothing foreign is.
    const after = await idsNow();
    for (const id of before) expect(seen).toContain(id);
    for (const id of seen) expect(after).toContain(id);
    // The key cannot report conversions (read only) and a session is no credential here.
    const write = await page.request.post("/api/v1/conversions", {
      headers: { authorization: `Bearer ${key}` },
      data: { shareCode: "nope", outcome: "signup" },
    });
    expect(write.status()).toBe(403);
    expect((await page.request.get("/api/v1/items")).status()).toBe(401);
  } finally {
    await client.end();
  }
});
