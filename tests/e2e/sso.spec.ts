import { expect, test, type Page } from "@playwright/test";
import { appAlert, expectSignedInAs, fillSignIn, signIn } from "./helpers";

/** The test identity provider's development login and consent pages. */
async function signInAtIdentityProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("OIDC SSO signs in an existing member by email; the unverified password stops working", async ({
  page,
  browser,
}) => {
  // Mateo's account was made with a password. Before SSO, that password opens a session…
  const other = await browser.newContext();
  const passwordPage = await other.newPage();
  await signIn(passwordPage, "mateo.garcia@fernhill.example");
  await expect(passwordPage).toHaveURL(/\/feed$/);

  // …then the identity provider vouches for his email and he takes the account over.
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Fernhill SSO" }).click();
  await signInAtIdentityProvider(page, "mateo");
  await expect(page).toHaveURL(/\/feed$/);
  await expectSignedInAs(page, "Mateo García");

  // The password session has ended and the password no longer signs in.
  await passwordPage.goto("/feed");
  await expect(passwordPage).toHaveURL(/\/signin$/);
  await fillSignIn(passwordPage, "mateo.garcia@fernhill.example");
  await expect(appAlert(passwordPage)).toHaveText(
    "That email and password don't match. Check them and try again.",
  );
  await other.close();
});

test("Sign in with LinkedIn (OIDC) works the same way", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with LinkedIn" }).click();
  await signInAtIdentityProvider(page, "mateo");
  await expect(page).toHaveURL(/\/feed$/);
  await expectSignedInAs(page, "Mateo García");
});

test("a new SSO identity gets an account but no organisation until invited", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Fernhill SSO" }).click();
  await signInAtIdentityProvider(page, "newcomer");
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByText("You are not a member of an organisation yet.")).toBeVisible();
});

test("an identity whose email is not verified is refused with a reason", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Fernhill SSO" }).click();
  await signInAtIdentityProvider(page, "unverified");
  await expect(page).toHaveURL(/\/signin\?error=EmailNotVerified/);
  await expect(appAlert(page)).toContainText("has not verified your email address");
});
