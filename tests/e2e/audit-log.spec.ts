import fs from "node:fs";
import { expect as baseExpect, test } from "@playwright/test";
import { parseCsv } from "../../lib/core/csv/parse-csv";
import { appAlert, signInAs } from "./helpers";

// Generous waits: this runs beside other suites on a shared machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const ADMIN = "admin@fernhill.example";
const ADMIN_NAME = "Amara Okafor";

test("an admin changes a setting, finds it in the audit log, filters and downloads the CSV", async ({
  page,
}) => {
  const limit = String(10 + (Date.now() % 80));
  await signInAs(page, ADMIN);

  // Change a guardrail.
  await page.goto("/admin/settings");
  await page.getByLabel("Maximum shares per employee per day").fill(limit);
  await page.getByRole("button", { name: "Save guardrails" }).click();
  await expect(page.getByText("Guardrails saved.")).toBeVisible();

  // The admin navigation leads to the audit log; the change is the newest entry.
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: /Audit log entries/ });
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow).toContainText(ADMIN_NAME);
  await expect(firstRow).toContainText(
    `${ADMIN_NAME} changed the content guardrails (max shares per day)`,
  );
  await expect(firstRow.getByRole("link", { name: "Fernhill Energy" })).toHaveAttribute(
    "href",
    "/admin/settings",
  );
  // The demo has a trail of its own (older entries on further pages).
  await expect(page.getByRole("link", { name: /Older entries/ })).toBeVisible();

  // Filter by action with the form (labelled controls; Enter in a field submits).
  await page.getByLabel("What", { exact: true }).selectOption("settings.guardrails_update");
  await page.getByLabel("Who", { exact: true }).selectOption({ label: `${ADMIN_NAME} (${ADMIN})` });
  await page.getByLabel("From", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/action=settings\.guardrails_update/);
  await expect(page).toHaveURL(/actor=/);
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("changed the content guardrails");
  for (const row of await rows.all()) {
    const text = await row.textContent();
    if (text?.includes("When")) continue;
    expect(text).toContain("settings.guardrails_update");
  }

  // Details show before and after.
  await rows.nth(1).getByText("Details").click();
  await expect(rows.nth(1).locator("pre")).toContainText(`"maxSharesPerDay": ${limit}`);

  // The export keeps the filters and downloads a CSV with the entry.
  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", /action=settings\.guardrails_update/);
  const downloading = page.waitForEvent("download");
  await exportLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("chorus-audit-log-all.csv");
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...data] = parseCsv(text).map((r) => r.cells);
  expect(header?.slice(0, 5)).toEqual([
    "time_utc",
    "time_local",
    "actor_name",
    "actor_email",
    "action",
  ]);
  expect(data.length).toBeGreaterThan(0);
  expect(data.every((r) => r[4] === "settings.guardrails_update")).toBe(true);
  const newest = data[0]!;
  expect(newest[2]).toBe(ADMIN_NAME);
  expect(newest[3]).toBe(ADMIN);
  expect(newest[header!.indexOf("metadata")]).toContain(`"maxSharesPerDay":${limit}`);

  // The export itself is in the log.
  await page.goto("/admin/audit?action=audit");
  await expect(table.getByRole("row").nth(1)).toContainText(`${ADMIN_NAME} exported the audit log`);

  // A hand-edited URL gets a readable message, not an error page.
  await page.goto("/admin/audit?from=yesterday&targetType=secrets");
  await expect(appAlert(page)).toContainText("The start date must be a date like 2026-03-31.");
  await expect(appAlert(page)).toContainText("Choose one of:");
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

test("managers and employees have no audit log", async ({ page }) => {
  await signInAs(page, "manager@fernhill.example");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(404);
  const api = await page.request.get("/api/audit");
  expect(api.status()).toBe(403);
});
