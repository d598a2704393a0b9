import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eDatabase, readDemoIds } from "./demo-ids";
import { signInAs } from "./helpers";
import { mailsTo, type SinkMail } from "./mailbox";

/** A person's browser (Playwright's own user agents read as bots to the click path). */
const HUMAN_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
// Not the demo employee: keyboard-share and sharing share as them, and five shares a day is the limit.
const EMPLOYEE = "priya.raman@fernhill.example";

let client: pg.Client;
let itemId: string;

test.beforeAll(async () => {
  itemId = (await readDemoIds()).itemId;
  client = e2eDatabase();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

/** The networks' share pages are not reachable here: answer them locally. */
async function stubNetworks(page: Page) {
  for (const host of ["https://x.com/**", "https://wa.me/**"]) {
    await page
      .context()
      .route(host, (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<title>Share</title>" }),
      );
  }
}

async function writeOwnPost(page: Page, text: string) {
  await page.goto(`/share/${itemId}`);
  await page.locator("label").filter({ hasText: "Write from scratch" }).click();
  await page.getByLabel("Your post").fill(text);
}

test("an employee shares to X through its intent; a reader's click counts under X on the dashboard", async ({
  page,
  browser,
}) => {
  await stubNetworks(page);
  await signInAs(page, EMPLOYEE);
  const text = `Two winters on site, and now it is live. Proud of this team! ${Date.now()}`;
  await writeOwnPost(page, text);
  await expect(page.locator('[data-network="X"]')).toContainText(
    `X ${(text.length + 24).toLocaleString("en")} / 280`,
  );

  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Share on X", exact: true }).click();
  const popup = await popupPromise;
  await popup.waitForURL(/^https:\/\/x\.com\/intent\/post\?/);
  const intent = new URL(popup.url());
  expect(intent.searchParams.get("text")).toBe(text);
  const tracked = intent.searchParams.get("url")!;
  expect(tracked).toMatch(/\/[0-9A-Za-z]{10}$/);
  await popup.close();
  await expect(page.getByText("Not counted yet.")).toBeVisible();
  await expect(page.getByText(/X opened in a new window/)).toBeVisible();

  // A reader follows the link: the destination says utm_source=x.
  const hop = await page.request.get(tracked, {
    maxRedirects: 0,
    headers: { "user-agent": HUMAN_UA },
  });
  expect(hop.status()).toBe(302);
  expect(new URL(hop.headers().location!).searchParams.get("utm_source")).toBe("x");

  // Run the rollup now (as requestRollup does) instead of waiting for its minute.
  const code = tracked.split("/").pop()!;
  await expect
    .poll(
      async () => {
        await client.query(
          `INSERT INTO pgboss.job (name, data, policy) VALUES ('analytics-rollup', '{}', 'stately')
           ON CONFLICT DO NOTHING`,
        );
        const { rows } = await client.query(
          `SELECT d.network::text AS network, d."humanClicks" FROM "ShareDailyStats" d
           JOIN "Share" s ON s.id = d."shareId" WHERE s.code = $1`,
          [code],
        );
        return rows[0] ?? null;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toEqual({ network: "X", humanClicks: 1 });
  // Every human click on X in the last 7 days of the organisation's calendar, from the rollups.
  const { rows } = await client.query(
    `SELECT COALESCE(SUM(d."humanClicks"), 0)::int AS n
     FROM "ShareDailyStats" d JOIN "Organization" o ON o.id = d."orgId"
     WHERE d."orgId" = (SELECT "orgId" FROM "Share" WHERE code = $1) AND d.network = 'X'
       AND d.day > (now() AT TIME ZONE o."timeZone")::date - 7
       AND d.day <= (now() AT TIME ZONE o."timeZone")::date`,
    [code],
  );
  expect(rows[0].n).toBeGreaterThanOrEqual(1);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAs(adminPage, "admin@fernhill.example");
  await adminPage.goto("/dashboard?range=7d");
  const section = adminPage.getByRole("region", { name: "Clicks by network" });
  const xRow = section.getByRole("table", { name: "By network" }).getByRole("row", { name: /^X / });
  await expect(xRow.getByRole("cell").first()).toHaveText(String(rows[0].n));
  await admin.close();
});

test("share later: a reminder rings the bell and emails a one-tap link that reopens the prepared post", async ({
  page,
}) => {
  await stubNetworks(page);
  await signInAs(page, EMPLOYEE);
  const text = `Reminding myself to share this tonight on WhatsApp. ${Date.now()}`;
  await writeOwnPost(page, text);
  const later = page.getByRole("group", { name: "Remind me later" });
  await later.getByLabel("Share on").selectOption("WHATSAPP");
  await later.getByRole("radio", { name: "Tomorrow 08:00" }).check();
  await later.getByRole("button", { name: "Remind me" }).click();
  await expect(later.getByText("Reminder set.")).toBeVisible();

  // Its time comes now: move the reminder and its job forward (instead of waiting until 08:00).
  const { rows } = await client.query(
    `UPDATE "ShareReminder" SET "remindAt" = now() WHERE text = $1 RETURNING id, "jobId", "itemId"`,
    [text],
  );
  const reminder = rows[0] as { id: string; jobId: string; itemId: string };
  await client.query(`UPDATE pgboss.job SET start_after = now() WHERE id = $1::uuid`, [
    reminder.jobId,
  ]);
  const link = `/share/${reminder.itemId}?reminder=${reminder.id}`;
  let mail: SinkMail | undefined;
  await expect
    .poll(() => (mail = mailsTo(EMPLOYEE).find((m) => m.text.includes(link))), {
      timeout: 30_000,
      intervals: [500],
    })
    .toBeTruthy();
  expect(mail!.subject).toMatch(/^Ready to share: /);

  // The link opens the composer with the saved text and network, ready to share.
  const url = new URL(mail!.text.match(/https?:\/\/\S+reminder=\S+/)![0]);
  await page.goto(url.pathname + url.search);
  await expect(page.getByLabel("Your post")).toHaveValue(text);
  await expect(
    page.getByText("Your reminder: this post is ready to share on WhatsApp."),
  ).toBeVisible();
  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Share on WhatsApp" }).click();
  const popup = await popupPromise;
  await popup.waitForURL(/^https:\/\/wa\.me\//);
  expect(new URL(popup.url()).searchParams.get("text")).toContain(text);
  await popup.close();
  await expect
    .poll(async () => {
      const r = await client.query(`SELECT status::text AS s FROM "ShareReminder" WHERE id = $1`, [
        reminder.id,
      ]);
      return r.rows[0].s;
    })
    .toBe("SHARED");

  // A second reminder, cancelled from My activity.
  const other = await page.request.post("/api/reminders", {
    data: {
      itemId,
      network: "X",
      text: `Another one for later. ${Date.now()}`,
      remindAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  expect(other.status()).toBe(201);
  await page.goto("/activity");
  const list = page.getByRole("list", { name: "Your share-later reminders" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await list.getByRole("button", { name: /^Cancel the reminder for/ }).click();
  await expect(page.getByText(/^Reminder for “.*” cancelled\.$/)).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(0);
});
