import { expect, test } from "@playwright/test";
import { axeViolations } from "./a11y-helpers";
import { signInAs } from "./helpers";

const EMPLOYEE = "employee@fernhill.example";
const EMPLOYEE_HANDLE = "sofia-lindqvist";

test("an employee finds the leaderboard, their rank and how points work", async ({ page }) => {
  await signInAs(page, EMPLOYEE);
  await page.getByRole("link", { name: "Leaderboard", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Leaderboard", level: 1 })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Period" })
    .getByRole("link", { name: "All time" })
    .click();
  await expect(page).toHaveURL(/period=all/);
  await expect(page.getByRole("heading", { name: /Top 10: .*all time/ })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByTestId("my-rank")).toHaveText(/You are #\d+ of \d+\./);
  await expect(page.getByTestId("my-points")).toHaveText(/^[1-9][\d,]*$/);
  await expect(page.getByRole("heading", { name: "How points work" })).toBeVisible();
  await expect(page.getByText("Each share that counts (posted, not just opened)")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("an employee sees the badges they earned on their page and in My activity", async ({
  page,
}) => {
  await signInAs(page, EMPLOYEE);
  await page.goto(`/people/${EMPLOYEE_HANDLE}`);
  const badges = page.getByRole("list", { name: "Badges earned" });
  await expect(badges).toBeVisible();
  expect(await badges.getByRole("listitem").count()).toBeGreaterThan(0);
  await expect(badges.getByText(/^Earned /).first()).toBeVisible();
  await page.goto("/activity");
  await expect(page.getByRole("heading", { name: "Badges" })).toBeVisible();
  expect(
    await page.getByRole("list", { name: "Badges earned" }).getByRole("listitem").count(),
  ).toBeGreaterThan(0);
});
