/**
 * The employee's loop end to end (issue 14): a person who has shared five of the six value types
 * shares the sixth by copying it, a reader follows the tracked link, the click confirms the share,
 * and the person earns the variety badge ("Full spectrum") — in the bell and on their page — and
 * sees their points and rank on the leaderboard.
 */
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { hashPassword } from "../../lib/domains/auth/password";
import { DEMO_ORG_SLUG } from "../../lib/domains/demo/demo-accounts";
import { e2eDatabase } from "./demo-ids";
import { signIn } from "./helpers";

const PASSWORD = "employee-loop-e2e-1";
/** A person's browser (Playwright's own user agents read as bots to the click path). */
const HUMAN_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const VALUE_TYPES = [
  "INFORMATION",
  "EDUCATION",
  "TOGETHERNESS",
  "MOTIVATION",
  "INSPIRATION",
  "ENTERTAINMENT",
] as const;

let client: pg.Client;

test.beforeAll(async () => {
  client = e2eDatabase();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

/**
 * A new employee of the demo organisation with five confirmed shares from two days ago, one of
 * each value type but `missing`, and a live post for everyone of the `missing` type to share.
 */
async function advocateMissingOneType() {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `loop.${stamp}@e2e.example`;
  const handle = `lea-${stamp}`;
  const { rows: orgs } = await client.query<{ id: string }>(
    `SELECT id FROM "Organization" WHERE slug = $1`,
    [DEMO_ORG_SLUG],
  );
  const orgId = orgs[0]!.id;
  const missing = "ENTERTAINMENT";
  const user = `usr_e2e_loop_${stamp}`;
  const membership = `mem_e2e_loop_${stamp}`;
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "lastActiveOrgId", "updatedAt")
     VALUES ($1, $2, 'Lea Loop', $3, $4, now())`,
    [user, email, await hashPassword(PASSWORD), orgId],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "orgId", "userId", role, handle, "onboardedAt", "updatedAt")
     VALUES ($1, $2, $3, 'EMPLOYEE', $4, now(), now())`,
    [membership, orgId, user, handle],
  );
  // Five earlier shares, confirmed, one per value type but the missing one.
  for (const [i, valueType] of VALUE_TYPES.filter((t) => t !== missing).entries()) {
    const item = `cnt_e2e_loop_${stamp}_${i}`;
    await client.query(
      `INSERT INTO "ContentItem" (id, "orgId", slug, title, body, "valueType", goals, status,
         "audienceAll", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'An earlier post.', $5, '{MARKETING}', 'ARCHIVED', true,
         now() - interval '10 days', now())`,
      [
        item,
        orgId,
        `loop-${stamp}-${i}`,
        `Earlier ${valueType.toLowerCase()} post ${stamp}`,
        valueType,
      ],
    );
    await client.query(
      `INSERT INTO "Share" (id, "orgId", "itemId", "membershipId", "userId", code, channel, status,
         text, language, authenticity, "destinationUrl", "confirmedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'COPY', 'SHARED', 'In my own words, an earlier one.', 'en',
         0.9, 'https://example.com/', now() - interval '2 days', now() - interval '2 days', now())`,
      [`shr_e2e_loop_${stamp}_${i}`, orgId, item, membership, user, `lp${stamp}${i}`],
    );
  }
  const title = `The office talent show, in pictures ${stamp.slice(-5)}`;
  await client.query(
    `INSERT INTO "ContentItem" (id, "orgId", slug, title, body, "valueType", goals, status,
       "audienceAll", "publishedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Our grid engineers can sing. Who knew?', $5, '{HR}', 'PUBLISHED',
       true, now() - interval '1 hour', now())`,
    [`cnt_e2e_loop_${stamp}_new`, orgId, `loop-${stamp}-new`, title, missing],
  );
  return { email, handle, title, itemId: `cnt_e2e_loop_${stamp}_new` };
}

test("the sixth value type, confirmed by a reader's click, earns the variety badge; the leaderboard shows the person's rank", async ({
  page,
  browser,
}) => {
  // The rollup job runs every minute: the visit (and what follows from it) can take up to a
  // minute and a half to show, past the default 60 s for a whole test.
  test.setTimeout(150_000);
  const person = await advocateMissingOneType();
  await signIn(page, person.email, PASSWORD);

  // Copying the text and link hands the post over; it counts once someone follows the link.
  const created = await page.request.post("/api/shares", {
    data: {
      itemId: person.itemId,
      channel: "COPY",
      text: `Best evening of the year. ${person.title}`,
    },
  });
  expect(created.status()).toBe(201);
  const share = ((await created.json()) as { share: { id: string; trackedUrl: string } }).share;
  expect(
    (
      await client.query(
        `SELECT count(*)::int AS n FROM "BadgeAward" a JOIN "Membership" m
       ON m.id = a."membershipId" WHERE m.handle = $1`,
        [person.handle],
      )
    ).rows[0].n,
  ).toBe(0);

  const reader = await browser.newContext({ userAgent: HUMAN_UA });
  const hop = await reader.request.get(share.trackedUrl, { maxRedirects: 0 });
  expect(hop.status()).toBe(302);
  await reader.close();

  // The click confirms the share (first human click) and the badge follows, with its bell.
  const earned = "You earned the “Full spectrum” badge";
  await expect
    .poll(
      async () =>
        (
          await client.query<{ title: string }>(
            `SELECT n.title FROM "Notification" n JOIN "User" u ON u.id = n."userId"
             WHERE u.email = $1 AND n.kind = 'badge.earned'`,
            [person.email],
          )
        ).rows.map((r) => r.title),
      { timeout: 90_000, intervals: [1000] },
    )
    .toEqual([earned]);

  await page.goto("/feed");
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await bell.click();
  await expect(page.getByRole("link", { name: new RegExp(earned) })).toBeVisible();

  // Their page shows the badge.
  await page.goto(`/people/${person.handle}`);
  const badges = page.getByRole("list", { name: "Badges earned" });
  await expect(badges.getByText("Full spectrum")).toBeVisible();

  // The leaderboard: six shares this month, their points and where they stand.
  await page.goto("/leaderboard?period=month");
  await expect(page.getByRole("heading", { name: "Your points" })).toBeVisible();
  await expect(page.getByTestId("my-rank")).toHaveText(/^You are #\d+ of \d+\.$/);
  expect(
    Number((await page.getByTestId("my-points").innerText()).replace(/\D/g, "")),
  ).toBeGreaterThan(0);
});
