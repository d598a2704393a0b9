import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// Generous waits: this runs beside other suites on a shared machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const ADMIN = "admin@fernhill.example";
/** The demo organisation's time zone (prisma/seed/seed-organization.ts). */
const ORG_ZONE = "Europe/Berlin";

// A person in Germany on a laptop set to New York time: dates follow their language and the
// organisation's clock, never the machine's.
test.use({ locale: "de-DE", timezoneId: "America/New_York" });

/** Written out with Intl directly, not with the app's formatter. */
const german = (iso: string) =>
  new Intl.DateTimeFormat("de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ORG_ZONE,
  }).format(new Date(iso));

test("dates read in the person's locale and the organisation's time zone, on server and client pages", async ({
  page,
}) => {
  await signInAs(page, ADMIN);
  const stamp = Date.now();

  // An invitation: its expiry is listed by a server component (the members page).
  const email = `dates-${stamp}@example.com`;
  const invited = await page.request.post("/api/invitations", {
    data: { kind: "EMAIL", email, role: "EMPLOYEE" },
  });
  expect(invited.status()).toBe(201);
  const { invitation } = (await invited.json()) as { invitation: { expiresAt: string } };
  await page.goto("/admin/members");
  const pending = page.getByRole("row").filter({ hasText: email });
  await expect(pending).toContainText(german(invitation.expiresAt));

  // An API key: its creation time is shown by a client component (the settings page).
  const name = `Dates ${stamp}`;
  const created = await page.request.post("/api/api-keys", { data: { name, kind: "secret" } });
  expect(created.status()).toBe(201);
  const { apiKey } = (await created.json()) as { apiKey: { createdAt: string } };
  await page.goto("/admin/settings");
  const keyRow = page.getByRole("row").filter({ hasText: name });
  await expect(keyRow).toContainText(german(apiKey.createdAt));
  // The same instant on the machine's clock (New York) appears nowhere.
  const machine = new Intl.DateTimeFormat("de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "America/New_York",
  }).format(new Date(apiKey.createdAt));
  await expect(keyRow).not.toContainText(machine);

  // The audit log (a server component) names both, in the same format.
  await page.goto("/admin/audit");
  const entries = page.getByRole("table", { name: /Audit log entries/ });
  await expect(entries.getByRole("row").nth(1)).toContainText(
    german(apiKey.createdAt).slice(0, 10),
  );
});
