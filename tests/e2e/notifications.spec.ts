import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

let client: pg.Client;

const id = (prefix: string) => `${prefix}_e2e${randomBytes(8).toString("hex")}`;

async function memberOf(email: string) {
  const { rows } = await client.query<{ userId: string; orgId: string }>(
    `SELECT u.id AS "userId", m."orgId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id
     WHERE u.email = $1 LIMIT 1`,
    [email],
  );
  return rows[0]!;
}

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

test("the bell shows the unread count, opens with the keyboard, marks all read, Escape closes", async ({
  page,
}) => {
  const { userId, orgId } = await memberOf("manager@fernhill.example");
  await client.query(`DELETE FROM "Notification" WHERE "userId" = $1`, [userId]);
  for (const [i, title] of ["Your post is on LinkedIn", "Your story is live"].entries()) {
    await client.query(
      `INSERT INTO "Notification" (id, "orgId", "userId", kind, title, body, url, "createdAt")
       VALUES ($1, $2, $3, 'share.posted', $4, 'Open it to see.', '/activity', now() - ($5 || ' minutes')::interval)`,
      [id("ntf"), orgId, userId, title, String(5 - i)],
    );
  }
  await signInAs(page, "manager@fernhill.example");
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");
  await bell.focus();
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("heading", { name: "Notifications", level: 2 });
  await expect(panel).toBeFocused();
  const items = page.getByRole("link", { name: /Your (post|story)/ });
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Your story is live");
  await expect(items.first()).toContainText("minutes ago");

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`,
    [userId],
  );
  expect(rows[0].n).toBe(0);
});

test("admins manage chat webhooks: a clear error for a non-https URL, the log with Retry", async ({
  page,
}) => {
  const { userId, orgId } = await memberOf("admin@fernhill.example");
  // Inserted directly: the UI cannot add a real one offline (hooks.slack.com does not resolve).
  // Its stored URL is not a valid secret, so a retried delivery fails again — the UI is under test.
  const endpointId = id("whk");
  await client.query(
    `INSERT INTO "WebhookEndpoint" (id, "orgId", kind, name, url, "urlHost", "createdById", "updatedAt")
     VALUES ($1, $2, 'SLACK', '#announcements', $3, 'hooks.slack.com', $4, now())`,
    [endpointId, orgId, "v1:e2e:not-a-real-secret", userId],
  );
  const deliveryId = id("whd");
  await client.query(
    `INSERT INTO "WebhookDelivery" (id, "orgId", "endpointId", event, payload, status, attempts, "responseStatus", "lastError")
     VALUES ($1, $2, $3, 'content.published', '{"text":"x"}', 'FAILED', 6, 500, 'HTTP 500: oops')`,
    [deliveryId, orgId, endpointId],
  );

  await signInAs(page, "admin@fernhill.example");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Integrations" })
    .click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();

  // The chat-webhook form (the page also has the outcome connectors' form, with its own "Name").
  const webhookForm = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Add webhook" }) });
  await webhookForm.getByLabel("Name").fill("#general");
  await webhookForm.getByLabel("Webhook URL").fill("http://hooks.slack.com/services/T0/B0/x");
  await webhookForm.getByRole("button", { name: "Add webhook" }).click();
  await expect(
    page.getByText("Webhook URLs must start with https://", { exact: false }).first(),
  ).toBeVisible();
  await expect(webhookForm.getByLabel("Webhook URL")).toHaveAttribute("aria-invalid", "true");

  const table = page.getByRole("table", { name: "Chat webhooks of your organisation" });
  await expect(table.getByRole("row", { name: /#announcements/ })).toContainText("hooks.slack.com");
  await expect(table).not.toContainText("e2e");

  const log = page.getByRole("table", { name: /delivery log/ });
  const row = log.getByRole("row", { name: /#announcements/ });
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("HTTP 500: oops");
  await row.getByRole("button", { name: /^Retry/ }).click();
  // Queued again: Pending, or — when the job worker was quicker than the page — already tried a
  // seventh time and failed on the fake stored URL.
  await expect(row).toContainText(/Pending|not in the v1 encrypted format/);
  const { rows } = await client.query(`SELECT status FROM "WebhookDelivery" WHERE id = $1`, [
    deliveryId,
  ]);
  expect(["PENDING", "FAILED"]).toContain(rows[0].status);
});
