import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("an admin imports a CSV: progress to 100 %, refused rows listed with reasons, report downloads", async ({
  page,
}) => {
  const stamp = Date.now();
  const lines = ["email,name,role,teams"];
  for (let i = 0; i < 1203; i++)
    lines.push(`bulk${i}.${stamp}@import.example,Person ${i},employee,Sales`);
  lines.push(`not-an-email,Broken,employee,Sales`);
  lines.push(`ghost.${stamp}@import.example,Ghost,employee,Narnia`);
  lines.push(`bulk0.${stamp}@import.example,Dup,employee,Sales`);
  lines.push(`admin@fernhill.example,Amara,admin,`);

  await signInAs(page, "admin@fernhill.example");
  await page.goto("/admin/members/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("\n")),
  });
  // The pre-check is the import's own rule: it already sees all four bad rows, with the reasons.
  await expect(
    page.getByText("people.csv: 1,203 people ready to invite. 4 row(s) will not be invited"),
  ).toBeVisible({ timeout: 30_000 });
  const preview = page.getByRole("table", { name: "Rows the check refused, with the reason" });
  await expect(preview.getByRole("row")).toHaveCount(5);
  await expect(preview).toContainText('Invalid email "not-an-email".');
  await expect(preview).toContainText("Unknown team: Narnia.");
  await expect(preview).toContainText("Duplicate of line 2.");
  await expect(preview).toContainText("Already a member of this organisation.");

  await page.getByRole("button", { name: "Invite 1,203 people" }).click();
  await expect(page.getByText("1,203 of 1,203 rows (100%). Finished.")).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator("progress")).toHaveAttribute("value", "1203");

  const report = page.getByRole("heading", { name: "3. Report" }).locator("..");
  const stat = (term: string) =>
    report.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd");
  await expect(stat("Invited")).toHaveText("1,203");
  await expect(stat("Refused")).toHaveText("4");
  await expect(report).toContainText('Invalid email "not-an-email".');
  await expect(report).toContainText("Unknown team: Narnia.");
  await expect(report).toContainText("Duplicate of line 2.");
  await expect(report).toContainText("Already a member of this organisation.");

  // Email is set up in this run: the page says the invitations were emailed, with one expiry.
  await expect(page.getByText("Each invited person gets an email with their link.")).toBeVisible();
  await expect(page.getByText(/Links expire after 14 days\./)).toBeVisible();
  await expect(report).toContainText("they were also emailed it: no need to send it again");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download report (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^chorus-invitations-report-\d{4}-\d{2}-\d{2}\.csv$/);
});
