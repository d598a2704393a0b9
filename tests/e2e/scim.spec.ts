import { expect, test } from "@playwright/test";
import { E2E } from "./e2e-config";
import { fillSignIn, signInAs } from "./helpers";

const ADMIN = "admin@fernhill.example";
/** A seeded employee no other spec signs in as (all seeded people share the demo password). */
const VIEWER = { email: "grace.mensah@fernhill.example", name: "Grace Mensah" };

test("an admin creates a SCIM token (shown once), an identity provider provisions a person with it, and they appear in the members list", async ({
  page,
  request,
}) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin/integrations");
  const scim = page.getByRole("region", { name: "Provisioning (SCIM)" });
  await expect(scim.getByLabel("SCIM base URL")).toHaveValue(/\/scim\/v2$/);
  const tokenName = `Okta e2e ${Date.now()}`;
  await scim.getByLabel("Token name").fill(tokenName);
  await scim.getByRole("button", { name: "Create SCIM token" }).click();
  const shown = scim.getByLabel(`SCIM token “${tokenName}”`);
  await expect(shown).toHaveValue(/^chorus_scim_[0-9A-Za-z]{40}$/);
  const token = await shown.inputValue();

  // The identity provider (Okta's create-user request) with that token.
  const email = `scim-e2e-${Date.now()}@fernhill.example`;
  const created = await request.post(`${E2E.appUrl}/scim/v2/Users`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Provisioned", familyName: "Person" },
      emails: [{ primary: true, value: email, type: "work" }],
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toBe("application/scim+json");
  // A session cookie is no SCIM credential.
  const withCookie = await page.request.get(`${E2E.appUrl}/scim/v2/Users`);
  expect(withCookie.status()).toBe(401);

  // Shown once: after a reload the list has the token's prefix only.
  await page.reload();
  const row = scim.getByRole("row").filter({ hasText: tokenName });
  await expect(row).toContainText(token.slice(0, 16));
  await expect(scim.getByText(token)).toHaveCount(0);

  await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
  const members = page.getByRole("table", { name: /^Members, page/ });
  const person = members.getByRole("rowheader").filter({ hasText: email });
  await expect(person).toContainText("Provisioned Person");

  // Okta deactivates with a PATCH and Entra replaces with a PUT: through the real server (its
  // request filter once answered 405 to both outside /api/).
  const userId = ((await created.json()) as { id: string }).id;
  const scimHeaders = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const deactivated = await request.patch(`${E2E.appUrl}/scim/v2/Users/${userId}`, {
    headers: scimHeaders,
    data: {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", value: { active: false } }],
    },
  });
  expect(deactivated.status()).toBe(200);
  expect(((await deactivated.json()) as { active: boolean }).active).toBe(false);
  const replaced = await request.put(`${E2E.appUrl}/scim/v2/Users/${userId}`, {
    headers: scimHeaders,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Provisioned", familyName: "Person" },
      emails: [{ primary: true, value: email, type: "work" }],
      active: true,
    },
  });
  expect(replaced.status()).toBe(200);
  expect(((await replaced.json()) as { active: boolean }).active).toBe(true);

  // Revoked: the identity provider's requests fail at once.
  await page.goto("/admin/integrations");
  await scim.getByRole("button", { name: `Revoke SCIM token ${tokenName}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(scim.getByText(`Token “${tokenName}” revoked.`)).toBeVisible();
  const refused = await request.get(`${E2E.appUrl}/scim/v2/Users`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);
});

test("an admin makes an employee an analytics viewer with the keyboard, and the employee sees the dashboard", async ({
  page,
  browser,
}) => {
  await signInAs(page, ADMIN);
  await page.goto(`/admin/members?q=${encodeURIComponent(VIEWER.email)}`);
  const members = page.getByRole("table", { name: /^Members, page/ });
  const edit = members.getByRole("button", {
    name: `Edit role, capabilities, teams and location of ${VIEWER.name}`,
  });
  await edit.click();
  const form = members.getByRole("form", { name: `Edit ${VIEWER.name}` });
  const viewer = form
    .getByRole("group", { name: "Capabilities" })
    .getByRole("checkbox", { name: /Analytics viewer/ });
  await viewer.focus();
  await page.keyboard.press("Space");
  await expect(viewer).toBeChecked();
  await form.getByRole("button", { name: "Save changes" }).press("Enter");
  await expect(page.getByText(`Saved the changes to ${VIEWER.name}.`)).toBeVisible();
  await expect(members.getByRole("row").filter({ hasText: VIEWER.email })).toContainText(
    "+ Analytics viewer",
  );

  const context = await browser.newContext();
  const employee = await context.newPage();
  try {
    await fillSignIn(employee, VIEWER.email);
    await employee.waitForURL((url) => !["/signin", "/"].includes(url.pathname));
    await employee.getByRole("navigation").first().getByRole("link", { name: "Dashboard" }).click();
    await expect(employee).toHaveURL(/\/dashboard/);
    await expect(employee.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(employee.getByTestId("dashboard-scope")).toBeVisible();
  } finally {
    // Shared seeded database: take the capability back for the specs after this one.
    await edit.click();
    await viewer.uncheck();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Saved the changes to ${VIEWER.name}.`)).toBeVisible();
    await context.close();
  }
});
