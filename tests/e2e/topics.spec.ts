import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { hashPassword } from "../../lib/domains/auth/password";
import { DEMO_ORG_SLUG } from "../../lib/domains/demo/demo-accounts";
import { axeViolations } from "./a11y-helpers";
import { e2eDatabase } from "./demo-ids";
import { signIn } from "./helpers";

const PASSWORD = "topics-e2e-password-1";
let client: pg.Client;

test.beforeAll(async () => {
  client = e2eDatabase();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

/**
 * A new employee of the demo organisation who has not answered the first sign-in question, in a
 * team of their own, with a topic and a post for that team alone tagged with it (so no demo
 * account's feed changes).
 */
async function newcomer() {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `topics.${stamp}@e2e.example`;
  const topic = `Offshore wind ${stamp.slice(-5)}`;
  const title = `Our first offshore wind survey ${stamp.slice(-5)}`;
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Organization" WHERE slug = $1`,
    [DEMO_ORG_SLUG],
  );
  const orgId = rows[0]!.id;
  const ids = {
    user: `usr_e2e_topics_${stamp}`,
    membership: `mem_e2e_topics_${stamp}`,
    team: `team_e2e_topics_${stamp}`,
    topic: `top_e2e_topics_${stamp}`,
    item: `cnt_e2e_topics_${stamp}`,
  };
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "lastActiveOrgId", "updatedAt")
     VALUES ($1, $2, 'Tove Topics', $3, $4, now())`,
    [ids.user, email, await hashPassword(PASSWORD), orgId],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "orgId", "userId", role, handle, "updatedAt")
     VALUES ($1, $2, $3, 'EMPLOYEE', $4, now())`,
    [ids.membership, orgId, ids.user, `tove-${stamp}`],
  );
  await client.query(
    `INSERT INTO "Team" (id, "orgId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [ids.team, orgId, `Survey crew ${stamp}`],
  );
  await client.query(
    `INSERT INTO "TeamMember" ("orgId", "teamId", "membershipId") VALUES ($1, $2, $3)`,
    [orgId, ids.team, ids.membership],
  );
  await client.query(
    `INSERT INTO "Topic" (id, "orgId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [ids.topic, orgId, topic],
  );
  await client.query(
    `INSERT INTO "ContentItem" (id, "orgId", slug, title, body, "valueType", goals, status,
       "audienceAll", "publishedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Two weeks at sea mapping the seabed for our first offshore park.',
       'INFORMATION', '{MARKETING}', 'PUBLISHED', false, now() - interval '3 days', now())`,
    [ids.item, orgId, `offshore-${stamp}`, title],
  );
  await client.query(
    `INSERT INTO "ContentAudienceTeam" ("orgId", "itemId", "teamId") VALUES ($1, $2, $3)`,
    [orgId, ids.item, ids.team],
  );
  await client.query(
    `INSERT INTO "ContentTopic" ("orgId", "itemId", "topicId") VALUES ($1, $2, $3)`,
    [orgId, ids.item, ids.topic],
  );
  return { email, topic, title };
}

const panel = (page: Page) =>
  page.getByRole("region", { name: "What would you like to share about?" });

test("a new employee follows a topic when first asked and sees its post first, saying why", async ({
  page,
}) => {
  const { email, topic, title } = await newcomer();
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/feed$/);

  // The first sign-in question, at the top of the feed; clean for axe.
  await expect(panel(page)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await panel(page).getByRole("checkbox", { name: topic }).check();
  await panel(page).getByRole("button", { name: "Follow 1 topic" }).click();
  await expect(panel(page)).toBeHidden();

  // The post of that topic comes first and says why.
  const first = page.getByRole("article").first();
  await expect(first.getByRole("heading", { name: title })).toBeVisible();
  await expect(first.getByText(`You follow ${topic}`)).toBeVisible();

  // The answer is kept: not asked again, and the profile shows the topic followed.
  await page.reload();
  await expect(page.getByRole("article").first().getByRole("heading")).toHaveText(title);
  await expect(panel(page)).toHaveCount(0);
  await page.goto("/profile");
  await expect(page.getByRole("checkbox", { name: topic })).toBeChecked();
});

test("skipping the question hides it for good; the topic can be followed later on the profile", async ({
  page,
}) => {
  const { email, topic, title } = await newcomer();
  await signIn(page, email, PASSWORD);
  await panel(page).getByRole("button", { name: "Skip for now" }).click();
  await expect(panel(page)).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByText(`You follow ${topic}`)).toHaveCount(0);

  await page.goto("/profile");
  await page.getByRole("checkbox", { name: topic }).check();
  await page.getByRole("button", { name: "Save topics" }).click();
  await expect(page.getByText("You follow 1 topic.")).toBeVisible();
  await page.goto("/feed");
  const card = page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card.getByText(`You follow ${topic}`)).toBeVisible();
});
