import { expect, test } from "@playwright/test";
import { appAlert, expectSignedInAs, signInAs } from "./helpers";
import { e2eDatabase } from "./demo-ids";

test("an admin creates a single-use invite link; a newcomer joins with it; a second use is refused", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin@fernhill.example");
  await page.goto("/admin/members");
  const form = page.getByRole("form", { name: "Create invite link" });
  await form.getByLabel("Role").selectOption("EMPLOYEE");
  await form.getByRole("checkbox", { name: "Sales" }).check();
  await form.getByLabel("Maximum uses").fill("1");
  await form.getByRole("button", { name: "Create invite link" }).click();
  const link = await form.getByLabel("Invite link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9]{32}$/);

  const newcomer = await browser.newContext();
  const invited = await newcomer.newPage();
  await invited.goto(link);
  await expect(
    invited.getByRole("heading", { name: "Join Fernhill Energy on Chorus" }),
  ).toBeVisible();
  await invited.getByLabel("Your name").fill("Robin Newhire");
  await invited.getByLabel("Work email").fill(`robin.${Date.now()}@newhire.example`);
  await invited.getByLabel("Password").fill("a-good-long-password");
  await invited.getByRole("button", { name: "Create account" }).click();
  // Signing up from an invitation joins the organisation at once.
  await expect(invited).toHaveURL(/\/feed$/);
  await expectSignedInAs(invited, "Robin Newhire");
  await expect(invited.getByText(/publishes posts for Sales/)).toBeVisible();
  await newcomer.close();

  const late = await browser.newContext();
  const latePage = await late.newPage();
  await latePage.goto(link);
  await expect(appAlert(latePage)).toHaveText("This invitation has already been used.");
  await late.close();
});

test("an unknown invitation token shows a clear message", async ({ page }) => {
  await page.goto("/invite/ThisIsNotARealInvitationToken123");
  await expect(appAlert(page)).toContainText("This invitation link is not valid.");
});

test("another organisation's team id answers 404 on its page and its API", async ({
  page,
  browser,
}) => {
  // Someone else starts their own organisation and creates a team in it.
  const other = await browser.newContext();
  const founder = await other.newPage();
  await founder.goto("/signup");
  await founder.getByLabel("Your name").fill("Olga Other");
  await founder.getByLabel("Work email").fill(`olga.${Date.now()}@other.example`);
  await founder.getByLabel("Password").fill("another-long-password");
  await founder.getByLabel("Organisation name").fill("Other Org");
  await founder.getByRole("button", { name: "Create account" }).click();
  await expect(founder).toHaveURL(/\/admin$/);
  const created = await founder.request.post("/api/teams", { data: { name: "Secret team" } });
  expect(created.status()).toBe(201);
  const teamId = ((await created.json()) as { team: { id: string } }).team.id;
  expect((await founder.goto(`/admin/teams/${teamId}`))?.status()).toBe(200);
  await other.close();

  await signInAs(page, "admin@fernhill.example");
  await expect(page).toHaveURL(/\/admin$/);
  const response = await page.goto(`/admin/teams/${teamId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  const api = await page.request.get(`/api/teams/${teamId}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({
    error: { code: "NOT_FOUND", message: "Team was not found." },
  });
});

test("a signed-in member of another organisation accepts an invitation with one click", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin@fernhill.example");
  await page.goto("/admin/members");
  const form = page.getByRole("form", { name: "Create invite link" });
  await form.getByLabel("Role").selectOption("EMPLOYEE");
  await form.getByRole("button", { name: "Create invite link" }).click();
  const link = await form.getByLabel("Invite link").inputValue();

  const other = await browser.newContext();
  const founder = await other.newPage();
  await founder.goto("/signup");
  await founder.getByLabel("Your name").fill("Pat Parallel");
  await founder.getByLabel("Work email").fill(`pat.${Date.now()}@parallel.example`);
  await founder.getByLabel("Password").fill("parallel-long-password");
  await founder.getByLabel("Organisation name").fill("Parallel Ltd");
  await founder.getByRole("button", { name: "Create account" }).click();
  await expect(founder).toHaveURL(/\/admin$/);
  await founder.goto(link);
  await founder.getByRole("button", { name: "Join Fernhill Energy" }).click();
  await expect(founder).toHaveURL(/\/feed$/);
  // Two organisations now: the switcher offers both.
  const switcher = founder.getByLabel("Organisation");
  await expect(switcher).toHaveValue(/org_/);
  await switcher.selectOption({ label: "Parallel Ltd" });
  await expect(founder).toHaveURL(/\/admin$/);
  await expect(founder.getByRole("heading", { level: 1 })).toHaveText("Parallel Ltd");
  await other.close();
});

test("an email invitation is emailed, and the page says so (no second link to send by hand)", async ({
  page,
}) => {
  await signInAs(page, "admin@fernhill.example");
  await page.goto("/admin/members");
  const invite = page.getByRole("region", { name: "Invite people" });
  await expect(invite).toContainText("Each email invitation is sent to the person by email");
  await expect(invite).not.toContainText("later release");
  const form = page.getByRole("form", { name: "Invite by email" });
  await expect(form).toContainText("We email them a link to join.");
  await expect(form).toContainText("expires in 14 days");

  const email = `casey.${Date.now()}@newhire.example`;
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByRole("button", { name: "Create invitation" }).click();
  await expect(form.getByText(`Invitation sent to ${email} by email.`)).toBeVisible();
  await expect(form.getByLabel(`Invitation link for ${email}`)).toHaveValue(/\/invite\//);
  // Queued for sending (the mail itself may wait behind a CSV import's emails in the queue).
  const client = e2eDatabase();
  await client.connect();
  try {
    const { rows } = await client.query<{ category: string; lastError: string | null }>(
      `SELECT category, "lastError" FROM "EmailDelivery" WHERE "to" = $1`,
      [email],
    );
    expect(rows).toEqual([{ category: "invitation", lastError: null }]);
  } finally {
    await client.end();
  }
});
