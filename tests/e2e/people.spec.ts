import { expect, test, type Page } from "@playwright/test";
import { e2eDatabase } from "./demo-ids";
import { signInAs } from "./helpers";

const EMPLOYEE = "employee@fernhill.example";
const MANAGER = "manager@fernhill.example";
const EMPLOYEE_HANDLE = "sofia-lindqvist";

/** Human clicks from the rollups: on the share with this code, and on all of its author's shares. */
async function humanClicks(code: string): Promise<{ share: number; total: number }> {
  const client = e2eDatabase();
  await client.connect();
  try {
    const { rows } = await client.query<{ share: number; total: number }>(
      `SELECT
         (SELECT COALESCE(SUM(d."humanClicks"), 0)::int FROM "ShareDailyStats" d
           WHERE d."shareId" = s.id) AS share,
         (SELECT COALESCE(SUM(d."humanClicks"), 0)::int FROM "ShareDailyStats" d
           WHERE d."membershipId" = s."membershipId") AS total
       FROM "Share" s WHERE s.code = $1`,
      [code],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** Saves the profile form and waits for the confirmation. */
async function saveProfile(page: Page) {
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
}

test("an employee reviews their activity, edits their profile and hides their shares from colleagues", async ({
  page,
  browser,
}) => {
  await signInAs(page, EMPLOYEE);

  // My activity: the seeded shares, each with its tracked link; the streak is whatever it is today.
  await page.goto("/activity");
  await expect(page.getByRole("heading", { name: "My activity", level: 1 })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText(/^(\d+-week streak|No streak yet)$/)).toBeVisible();
  const shares = page.getByRole("list", { name: "Your shares, newest first" }).getByRole("article");
  expect(await shares.count()).toBeGreaterThanOrEqual(5);
  const first = shares.first();
  await expect(first.getByLabel("Tracked link")).toHaveValue(/^https?:\/\/[^/]+\/[A-Za-z0-9]{10}$/);
  // Clicks: the human clicks the dashboard credits (rollups, bots not counted), never a placeholder.
  const code = (await first.getByLabel("Tracked link").inputValue()).split("/").pop()!;
  const clicks = await humanClicks(code);
  expect(clicks.total).toBeGreaterThan(0);
  await expect(
    first
      .getByRole("term")
      .filter({ hasText: /^Clicks$/ })
      .locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(clicks.share.toLocaleString("en"));
  await expect(
    summary
      .getByRole("term")
      .filter({ hasText: /^Clicks$/ })
      .locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(clicks.total.toLocaleString("en"));
  await expect(page.getByText(/appear once|Coming with analytics/)).toHaveCount(0);
  await expect(
    page.getByRole("table", { name: "Your shares by value type" }).getByRole("row"),
  ).toHaveCount(7);

  await page.getByRole("link", { name: "View your public page" }).click();
  await expect(page).toHaveURL(`/people/${EMPLOYEE_HANDLE}`);
  await expect(page.getByRole("heading", { name: "Sofia Lindqvist", level: 1 })).toBeVisible();
  await expect(page.getByText("This is your page.")).toBeVisible();
  const reach = page.getByRole("region", { name: /Reach/ });
  await expect(
    reach
      .getByRole("term")
      .filter({ hasText: /^Clicks$/ })
      .locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(clicks.total.toLocaleString("en"));

  await page.goto("/profile");
  const headline = page.getByLabel("LinkedIn headline");
  const originalHeadline = await headline.inputValue();
  const newHeadline = `Grid forecasting and the people behind it ${Date.now()}`;
  const sharesSwitch = page.getByRole("switch", { name: "What I shared" });
  await expect(sharesSwitch).toBeChecked();
  await expect(page.getByText(`/people/${EMPLOYEE_HANDLE}`)).toBeVisible();

  try {
    await headline.fill(newHeadline);
    await sharesSwitch.setChecked(false);
    await saveProfile(page);

    // The person still sees the section, marked as private.
    await page.getByRole("link", { name: "View your page" }).click();
    const ownShares = page.getByRole("region", { name: /What I shared/ });
    await expect(ownShares).toBeVisible();
    await expect(ownShares.getByText("Only you see this")).toBeVisible();

    // A colleague sees the headline, not the shares.
    const managerContext = await browser.newContext();
    try {
      const manager = await managerContext.newPage();
      await signInAs(manager, MANAGER);
      await manager.goto(`/people/${EMPLOYEE_HANDLE}`);
      await expect(
        manager.getByRole("heading", { name: "Sofia Lindqvist", level: 1 }),
      ).toBeVisible();
      await expect(manager.getByText(newHeadline)).toBeVisible();
      await expect(manager.getByRole("heading", { name: "My mix" })).toBeVisible();
      await expect(manager.getByRole("heading", { name: "What I shared" })).toHaveCount(0);
      await expect(manager.getByText("This is your page.")).toHaveCount(0);

      // Unknown handles are a plain 404.
      const missing = await manager.goto("/people/nobody-by-this-name");
      expect(missing?.status()).toBe(404);
    } finally {
      await managerContext.close();
    }
  } finally {
    // The e2e database is shared by the whole run: put the profile back as it was.
    await page.goto("/profile");
    await page.getByLabel("LinkedIn headline").fill(originalHeadline);
    await page.getByRole("switch", { name: "What I shared" }).setChecked(true);
    await saveProfile(page);
  }
});

test("profile fields are checked and explained", async ({ page }) => {
  await signInAs(page, EMPLOYEE);
  await page.goto("/profile");
  const network = page.getByLabel("LinkedIn network size");
  await network.fill("about 500");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(network).toHaveAttribute("aria-invalid", "true");
  await expect(network).toBeFocused();
  await expect(page.getByText("Enter a whole number, like 1250.")).toBeVisible();

  // The server's own field errors are shown beside the field too.
  await network.fill("");
  const handle = page.getByLabel("Handle");
  await handle.fill("Not a handle!");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(handle).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use lowercase letters, digits and single dashes.")).toBeVisible();
});

test("someone from another organisation cannot open the page; a newcomer's activity points to the feed", async ({
  page,
}) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Olga Other");
  await page.getByLabel("Work email").fill(`olga.people.${Date.now()}@other.example`);
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByLabel("Organisation name").fill("Other Org");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const response = await page.goto(`/people/${EMPLOYEE_HANDLE}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();

  await page.goto("/activity");
  await expect(
    page.getByRole("heading", { name: "You haven't shared anything yet" }),
  ).toBeVisible();
  await expect(page.getByText("No streak yet")).toBeVisible();
  await page.getByRole("link", { name: "Go to the feed" }).click();
  await expect(page).toHaveURL(/\/feed$/);
});
