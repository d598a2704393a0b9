import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/domains/auth/password";
import { E2E } from "./e2e-config";
import { appAlert, fillSignIn, signIn } from "./helpers";
import { waitForMails } from "./mailbox";

const OLD_PASSWORD = "old-password-for-e2e";
const NEW_PASSWORD = "new-password-for-e2e-42";

let client: pg.Client;
let email: string;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
  await client.connect();
  // A person of this spec alone (no organisation yet), so no demo account's password changes.
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  email = `reset.${stamp}@e2e.example`;
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
     VALUES ($1, $2, 'Robin Reset', $3, now())`,
    [`usr_e2e_reset_${stamp}`, email, await hashPassword(OLD_PASSWORD)],
  );
});

test.afterAll(async () => {
  await client?.end();
});

test("a person who forgot their password gets a link by email, sets a new one and signs in with it; the old one and the used link stop working", async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers, two emails through the job queue
  // A session opened before the reset, in another browser.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, OLD_PASSWORD);
  await expect(otherPage).toHaveURL(/\/welcome$/);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "we have emailed it a link" }),
  ).toBeVisible();

  const [mail] = await waitForMails(email);
  expect(mail!.subject).toBe("Reset your Chorus password");
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail!.text)?.[0];
  expect(link, mail!.text).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // Mismatched confirmation: said beside the field, nothing changes.
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(`${NEW_PASSWORD}-typo`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords don't match.").first()).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=done$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Your password was changed" }),
  ).toBeVisible();

  // The confirmation email arrives.
  const mails = await waitForMails(email, 2);
  expect(mails[1]!.subject).toBe("Your Chorus password was changed");

  // The session opened before the reset has ended.
  await otherPage.goto("/welcome");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // The old password is refused, the new one works.
  await fillSignIn(page, email, OLD_PASSWORD);
  await expect(appAlert(page)).toHaveText(
    "That email and password don't match. Check them and try again.",
  );
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/welcome$/);

  // The link was single use.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(appAlert(page)).toContainText("already been used");
});

test("an unknown address gets the same answer, and an invalid link a readable page", async ({
  page,
}) => {
  const ghost = `ghost.${Date.now()}@e2e.example`;
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(ghost);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "we have emailed it a link" }),
  ).toBeVisible();

  await page.goto("/reset-password/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(appAlert(page)).toContainText("not valid");
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
