import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const own =
  "Posted straight from Chorus: I spent two winters on this project and I am proud of the team.";

test("an employee connects LinkedIn through the consent page, posts from the composer, and sees the post live with its LinkedIn id", async ({
  page,
}) => {
  await signInAs(page, "employee@fernhill.example");

  // 1. Connect LinkedIn: the fake LinkedIn's consent page, Allow, back on the profile, connected.
  await page.goto("/profile");
  const card = page.getByRole("region", { name: "LinkedIn" });
  await card
    .getByRole("button", { name: "Connect LinkedIn" })
    .or(card.getByRole("link", { name: "Connect LinkedIn" }))
    .click();
  await expect(page).toHaveTitle(/Allow access/);
  await expect(
    page.getByRole("heading", { name: /would like to access your LinkedIn/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/profile/);
  await expect(card.getByText("Alex Fakeson")).toBeVisible();

  // 2. The composer: "Post to LinkedIn for me", now.
  await page.goto("/feed");
  await page
    .getByRole("article")
    .first()
    .getByRole("link", { name: /Make it yours/ })
    .click();
  await expect(page).toHaveURL(/\/share\/cnt_/);
  const post = page.getByLabel("Your post");
  await post.fill(`${own}\n\n${await post.inputValue()}`);
  const api = page.getByRole("group", { name: "Post to LinkedIn for me" });
  await expect(api.getByLabel("Post now")).toBeChecked();
  await api.getByRole("button", { name: "Post to LinkedIn now" }).click();
  await expect(page.getByText("Your post is on its way to LinkedIn.")).toBeVisible();

  // 3. My activity: the job posts it within seconds; the share shows Posted and the LinkedIn id.
  await page.goto("/activity");
  const share = page
    .getByRole("article")
    .filter({ hasText: "Posted straight from Chorus" })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(share.getByText("Posted", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(share.getByText(/^urn:li:share:\d+$/)).toBeVisible();
  const link = share.getByRole("link", { name: "See it on LinkedIn" });
  await expect(link).toHaveAttribute(
    "href",
    /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/,
  );
  await expect(share.getByText("LinkedIn API")).toBeVisible();
});
