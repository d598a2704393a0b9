import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

// Generous waits: this runs beside other suites on a shared machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const ADMIN = "admin@fernhill.example";
/** A demo employee no other spec signs in as (prisma/seed/people.ts: Lisbon). */
const MEMBER = "Julia Romano";

async function setMemberLocation(page: Page, location: string) {
  await page.goto(`/admin/members?q=${encodeURIComponent(MEMBER)}`);
  await page
    .getByRole("button", { name: `Edit role, capabilities, teams and location of ${MEMBER}` })
    .click();
  const editor = page.getByRole("form", { name: `Edit ${MEMBER}` });
  await editor.getByLabel("Location").selectOption({ label: location });
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved the changes to ${MEMBER}.`)).toBeVisible();
}

test("an admin creates, renames, assigns and deletes a location", async ({ page }) => {
  await signInAs(page, ADMIN);
  const name = `Porto ${Date.now()}`;

  // The navigation leads to the page; create one.
  await page.goto("/admin/members");
  await page.getByRole("link", { name: "Locations", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create location" }).click();
  await expect(page.getByText(`Location “${name}” created.`)).toBeVisible();
  const table = page.getByRole("table", { name: /Locations/ });
  await expect(table.getByRole("rowheader", { name, exact: true })).toBeVisible();

  // Rename it in place, with the keyboard.
  const renamed = `${name} Centro`;
  await page.getByRole("button", { name: `Rename ${name}` }).click();
  const field = page.getByLabel("New name");
  await expect(field).toBeFocused();
  await field.fill(renamed);
  await field.press("Enter");
  await expect(page.getByText(`Renamed “${name}” to “${renamed}”.`)).toBeVisible();

  // Place a member there from the members page.
  await setMemberLocation(page, renamed);
  const memberRow = page.getByRole("row").filter({ hasText: MEMBER }).first();
  await expect(memberRow).toContainText(renamed);

  // The locations page counts them; deleting says what happens to them, then does it.
  await page.goto("/admin/locations");
  const row = table.getByRole("row").filter({ hasText: renamed });
  await expect(row.getByRole("cell").first()).toHaveText("1");
  await page.getByRole("button", { name: `Delete ${renamed}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("1 member will have no location");
  await dialog.getByRole("button", { name: "Delete location" }).click();
  await expect(page.getByText(`Deleted the location “${renamed}”.`)).toBeVisible();
  await expect(table.getByRole("rowheader", { name: renamed })).toHaveCount(0);

  await page.goto(`/admin/members?q=${encodeURIComponent(MEMBER)}`);
  await expect(page.getByRole("row").filter({ hasText: MEMBER }).first()).toContainText("Not set");

  // Back where the demo put them, for the other specs.
  await setMemberLocation(page, "Lisbon");
});
