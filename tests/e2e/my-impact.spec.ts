import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

/** A colleague of the demo employee, so the demo employee's bell and cap stay as other specs expect. */
const EMPLOYEE = "emma.dubois@fernhill.example";
/** A person's browser (Playwright's own user agents read as bots to the click path). */
const HUMAN_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

test("an employee shares, a visitor clicks, and the employee sees the visit on My activity and its first-visit milestone in the bell", async ({
  page,
  browser,
}) => {
  // The server asks for a rollup as soon as the click is written; the every-minute schedule is
  // the fallback, so allow for it past the default 60 s for a whole test.
  test.setTimeout(150_000);
  await signInAs(page, EMPLOYEE);
  // A post for everyone that they have not shared yet.
  const feed = (await (await page.request.get("/api/feed")).json()) as {
    items: { id: string; title: string }[];
  };
  const { rows: mine } = await client.query<{ itemId: string }>(
    `SELECT s."itemId" FROM "Share" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
    [EMPLOYEE],
  );
  const shared = new Set(mine.map((r) => r.itemId));
  const item = feed.items.find((i) => !shared.has(i.id))!;
  expect(item).toBeTruthy();

  // 1. Share by copying the text and link (the simplest channel).
  const created = await page.request.post("/api/shares", {
    data: { itemId: item.id, channel: "COPY", text: `Proud of this one. ${item.title}` },
  });
  expect(created.status()).toBe(201);
  const share = ((await created.json()) as { share: { id: string; trackedUrl: string } }).share;

  // 2. A reader on LinkedIn follows the tracked link: a real request with a browser's user agent.
  const reader = await browser.newContext({ userAgent: HUMAN_UA });
  const hop = await reader.request.get(share.trackedUrl, { maxRedirects: 0 });
  expect(hop.status()).toBe(302);
  await reader.close();

  // 3. The rollup job counts it (every minute, sooner on request) and announces the first visit.
  const milestone = `Your post about “${item.title}” got its first visit`;
  await expect
    .poll(
      async () =>
        (
          await client.query(
            `SELECT n.title FROM "Notification" n JOIN "User" u ON u.id = n."userId"
             WHERE u.email = $1 AND n.kind = 'impact.first-visit' AND n.url = $2`,
            [EMPLOYEE, `/activity?share=${share.id}`],
          )
        ).rows.map((r: { title: string }) => r.title),
      { timeout: 90_000, intervals: [1000] },
    )
    .toEqual([milestone]);

  // 4. My activity: the visit, in "Your impact" and on the share's row.
  await page.goto("/activity");
  const impact = page.getByRole("region", { name: "Your impact" });
  await expect(impact.getByRole("link", { name: "Last 30 days" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const row = impact
    .getByRole("table", { name: /What each share brought/ })
    .getByRole("row")
    .filter({ hasText: item.title });
  await expect(row).toHaveCount(1);
  // Visits, then clicks: one person, one click.
  await expect(row.getByRole("cell").nth(0)).toHaveText("1");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");

  // 5. The bell rings with the milestone, and it leads back to My activity.
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell.click();
  const link = page.getByRole("link", {
    name: new RegExp(milestone.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/activity\?share=shr_/);
  await expect(page.getByRole("region", { name: "Your impact" })).toBeVisible();
  // …to that share, marked, scrolled into view and focused.
  const pointed = page.getByRole("article", { name: item.title });
  await expect(pointed).toBeFocused();
  await expect(pointed).toBeInViewport();
  await expect(pointed).toHaveAccessibleDescription("From your notification");
});
