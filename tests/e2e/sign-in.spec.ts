import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../lib/domains/demo/demo-accounts";
import { appAlert, expectSignedInAs, fillSignIn, signIn, signInAs } from "./helpers";

const HOME = { ADMIN: "/admin", MANAGER: "/dashboard", EMPLOYEE: "/feed" } as const;
const HEADING = { ADMIN: "Fernhill Energy", MANAGER: "Dashboard", EMPLOYEE: "Hi Sofia" } as const;

for (const account of DEMO_ACCOUNTS) {
  test(`the demo ${account.role.toLowerCase()} signs in and lands on their home page`, async ({
    page,
  }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${HOME[account.role]}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADING[account.role]);
    await expectSignedInAs(page, account.name);
  });
}

test("navigation follows the role: an employee sees no admin pages", async ({ page }) => {
  await signInAs(page, "employee@fernhill.example");
  await expect(page).toHaveURL(/\/feed$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Feed" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  const response = await page.goto("/admin/members");
  expect(response?.status()).toBe(404);
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await fillSignIn(page, "manager@fernhill.example", "not-the-password");
  await expect(appAlert(page)).toHaveText(
    "That email and password don't match. Check them and try again.",
  );
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "manager@fernhill.example");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
});
