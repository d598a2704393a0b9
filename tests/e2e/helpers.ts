import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in and waits until the app has taken the user to their home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !["/signin", "/"].includes(url.pathname));
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByRole("banner")).toContainText(name);
}

/** Our alerts (Next.js adds an empty role=alert route announcer of its own). */
export function appAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
