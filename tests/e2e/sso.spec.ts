import { expect, test, type Page } from "@playwright/test";
import { startSamlIdp } from "../support/saml-idp";
import { appAlert, expectSignedInAs, fillSignIn, signIn, signInAs } from "./helpers";

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

test("SSO per organisation (SAML): an admin sets it up, a person of the verified domain signs in with their work email", async ({
  page,
  browser,
}) => {
  // The organisation's identity provider: a SAML IdP on loopback signing real assertions.
  const idp = await startSamlIdp();
  const suffix = Math.random().toString(36).slice(2, 10);
  const domain = `sso-${suffix}.example`;
  const email = `pat.${suffix}@${domain}`;
  idp.signInAs(email, `Pat ${suffix}`);
  try {
    await signInAs(page, "admin@fernhill.example");
    await page.goto("/admin/settings");
    const sso = page.getByRole("region", { name: "Single sign-on" });
    const notice = sso.locator('[aria-live="polite"]').first();

    // The IdP's metadata, pasted.
    await sso.getByLabel("IdP metadata XML").fill(idp.metadata());
    await sso.getByRole("button", { name: "Save SAML settings" }).click();
    await expect(notice).toContainText("SAML settings saved.");
    await expect(sso.getByRole("list", { name: "Trusted signing certificates" })).toContainText(
      "chorus-test-idp-old",
    );

    // The email domain, verified by the admin (this test server allows it; production uses DNS).
    await sso.getByLabel("Domain", { exact: true }).fill(domain);
    await sso.getByRole("button", { name: "Add domain" }).click();
    const row = sso.getByRole("listitem", { name: domain });
    await expect(row).toContainText("Not verified");
    await row.getByRole("button", { name: "Mark as verified" }).click();
    await expect(row).toContainText("Verified (by an admin)");

    // SAML turned on.
    await sso.getByLabel("Single sign-on protocol").selectOption("saml");
    await sso.getByRole("button", { name: "Save sign-in settings" }).click();
    await expect(notice).toContainText("Sign-in settings saved.");

    // Someone of that domain, never seen before, signs in with their work email.
    const context = await browser.newContext();
    const person = await context.newPage();
    await person.goto("/signin");
    const form = person.getByRole("region", {
      name: "Sign in with your organisation's single sign-on",
    });
    await form.getByLabel("Work email").fill(email);
    await form.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(person.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
    await person.getByRole("button", { name: "Continue to Chorus" }).click();
    await expect(person).toHaveURL(/\/feed$/);
    await expectSignedInAs(person, `Pat ${suffix}`);

    // An address of a domain nobody verified is told to use its password.
    await person.context().clearCookies();
    await person.goto("/signin");
    await form.getByLabel("Work email").fill(`someone@unknown-${suffix}.example`);
    await form.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(appAlert(person)).toContainText("No organisation signs in with single sign-on");
    await context.close();
  } finally {
    await idp.close();
  }
});
