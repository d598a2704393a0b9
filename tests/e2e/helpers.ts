import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/domains/demo/demo-accounts";
import { E2E } from "./e2e-config";

export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Signs in through the form and waits until the app has taken the user to their home page.
 * Only for specs that test signing in (and the sessions setup): every other spec uses
 * `signInAs`, so a run signs in through the form a handful of times, however fast it goes.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !["/signin", "/"].includes(url.pathname));
}

/** Where the sessions setup project keeps `email`'s signed-in storage state. */
export function sessionFile(email: string): string {
  return path.join(E2E.sessionsDir, `${email.replace(/[^a-z0-9.@-]/gi, "_")}.json`);
}

/**
 * Starts `page` signed in as `email` with the session the setup project made
 * (tests/e2e/sessions.setup.ts), and opens their home page — where `signIn` would have left them.
 */
export async function signInAs(page: Page, email: string) {
  const file = sessionFile(email);
  if (!fs.existsSync(file)) {
    throw new Error(
      `No stored session for ${email}: add it to E2E.sessionAccounts (tests/e2e/e2e-config.ts); ` +
        `the "sessions" setup project signs those in before the specs run.`,
    );
  }
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
  };
  await page.context().addCookies(state.cookies);
  await page.goto("/");
  await page.waitForURL((url) => !["/signin", "/"].includes(url.pathname));
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByRole("banner")).toContainText(name);
}

/** Our alerts (Next.js adds an empty role=alert route announcer of its own). */
export function appAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
