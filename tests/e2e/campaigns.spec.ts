import { expect, test } from "@playwright/test";
import { e2eDatabase, readDemoIds } from "./demo-ids";
import { signInAs } from "./helpers";

const ADMIN = "admin@fernhill.example";
// Not the demo employee: other specs share as her, and the demo caps shares per person and day.
const EMPLOYEE = "emma.dubois@fernhill.example";

test("an admin runs a campaign; an employee sees it atop the feed, shares its post and moves its progress", async ({
  page,
  browser,
}) => {
  const { itemId } = await readDemoIds();
  const client = e2eDatabase();
  await client.connect();
  const { rows } = await client.query<{ title: string }>(
    `SELECT title FROM "ContentItem" WHERE id = $1`,
    [itemId],
  );
  await client.end();
  const title = rows[0]!.title;
  const name = `Launch week ${Date.now().toString(36)}`;

  // The comms team creates the campaign: one post, a goal of shares.
  await signInAs(page, ADMIN);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Campaigns" })
    .click();
  await expect(page).toHaveURL(/\/studio\/campaigns$/);
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page).toHaveURL(/\/studio\/campaigns\/new$/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description (optional)").fill("Everyone shares the launch.");
  await page.getByLabel("Target (shares)").fill("40");
  await page.getByLabel("Filter posts in the campaign").fill(title.slice(0, 30));
  // Its accessible name is the title and its status ("… Published").
  await page.getByRole("checkbox", { name: `${title} Published`, exact: true }).check();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page).toHaveURL(/\/studio\/campaigns\/cmp_/);
  await expect(page.getByText("Campaign created.")).toBeVisible();
  const results = page.getByRole("progressbar", { name: `Progress of ${name}` });
  const before = Number(await results.getAttribute("aria-valuenow"));

  // The employee finds it at the top of the feed, above the posts.
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const emma = await context.newPage();
  await signInAs(emma, EMPLOYEE);
  await emma.goto("/feed");
  const campaigns = emma.getByRole("region", { name: "Campaigns running now" });
  const card = campaigns.getByRole("group", { name });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Goal: 40 shares");
  await expect(card).toContainText(/\d+ days left/);
  await expect(card).toContainText("Your contribution: 0 shares");
  const bar = card.getByRole("progressbar", { name: "Progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", String(before));
  const [campaignTop, firstPostTop] = await Promise.all([
    campaigns.evaluate((el) => el.getBoundingClientRect().top),
    emma
      .locator("main ul > li article")
      .first()
      .evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(campaignTop).toBeLessThan(firstPostTop);
  // The post's own card in the feed is marked as part of the campaign.
  await expect(
    emma.getByRole("article", { name: title }).getByText(`Part of the campaign ${name}`),
  ).toBeVisible();

  // She shares the campaign's post by copying it, and confirms she posted it.
  await card.getByRole("link", { name: `Share “${title}”` }).click();
  await expect(emma).toHaveURL(new RegExp(`/share/${itemId}$`));
  const post = emma.getByLabel("Your post");
  await post.fill(
    `Our team worked on this for a year and I am proud of it.\n\n${await post.inputValue()}`,
  );
  await emma.getByRole("button", { name: "Copy text and link" }).click();
  await emma.getByRole("button", { name: "I posted it" }).click();
  await expect(emma.getByText("Shared.")).toBeVisible();

  // The campaign moved: for her, and on the comms team's results.
  await emma.goto("/feed");
  const after = emma.getByRole("group", { name });
  await expect(after.getByRole("progressbar", { name: "Progress" })).toHaveAttribute(
    "aria-valuenow",
    String(before + 1),
  );
  await expect(after).toContainText("Your contribution: 1 share.");
  await context.close();

  await page.reload();
  await expect(page.getByRole("progressbar", { name: `Progress of ${name}` })).toHaveAttribute(
    "aria-valuenow",
    String(before + 1),
  );
});
