import { expect as baseExpect, test } from "@playwright/test";
import { axeViolations } from "./a11y-helpers";
import { signInAs } from "./helpers";

// Generous waits: this runs beside other suites on a shared machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const ADMIN = "admin@fernhill.example";

test("an admin adds an inbound webhook at 360 px: tests the mapping, copies the secret once, sees its status", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(page, ADMIN);
  await page.goto("/admin/integrations");
  const panel = page.getByRole("region", { name: "Outcome connectors" });
  await expect(panel).toBeVisible();

  const name = `CRM ${Date.now() % 100000}`;
  await panel.getByLabel("Source").selectOption("webhook");
  await panel.getByLabel("Name").fill(name);
  await panel.getByLabel("Sample payload").fill('{"id": "evt-1", "stage": "deal", "amount": 12}');
  await panel.getByRole("button", { name: "Test with sample payload" }).click();
  await expect(panel.getByText(/Would be counted as unmatched/)).toBeVisible();

  await panel.getByRole("button", { name: "Add connection" }).click();
  await expect(panel.getByText(`Copy the secret of “${name}” now`)).toBeVisible();
  await expect(panel.getByRole("listitem", { name: `${name} (Inbound webhook)` })).toBeVisible();

  // Nothing scrolls sideways at 360 px, and the panel passes axe.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);

  await panel.getByRole("button", { name: "I have copied it" }).click();
  await page.reload();
  await expect(page.getByText(`Copy the secret of “${name}” now`)).toHaveCount(0);
});
