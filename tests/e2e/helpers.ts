import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByRole("banner")).toContainText(name);
}
