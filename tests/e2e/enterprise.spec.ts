/**
 * Enterprise readiness in one journey: the identity provider provisions a person by SCIM, they
 * sign in through the organisation's SAML single sign-on, share a post, a reader follows their
 * tracked link, a HubSpot form submission carries the click id back, the HubSpot connector
 * imports it, and the sign-up shows in the read API and on the dashboard. The IdP (signing real
 * assertions) and HubSpot are real HTTP servers on loopback (tests/support/saml-idp.ts,
 * tests/support/fake-hubspot.ts; the e2e app's HUBSPOT_API_BASE points at E2E.hubspotUrl).
 */
import { expect, test } from "@playwright/test";
import { startFakeHubSpot, type FakeHubSpot } from "../support/fake-hubspot";
import { startSamlIdp, type SamlIdp } from "../support/saml-idp";
import { e2eDatabase, readDemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";
import { expectSignedInAs, signInAs } from "./helpers";

/** A person's browser (Playwright's own user agent reads as a bot to the click path). */
const HUMAN_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
const FORM = "7d1e9c2a-4b6f-4e1a-9c3d-5a8b7f6e2d10";
const SCIM_JSON = "application/scim+json";

let hub: FakeHubSpot;
let idp: SamlIdp;

test.beforeAll(async () => {
  hub = await startFakeHubSpot("pat-eu1-e2e-enterprise-0001", Number(new URL(E2E.hubspotUrl).port));
  idp = await startSamlIdp();
});

test.afterAll(async () => {
  await hub?.close();
  await idp?.close();
});

test("SCIM provisions a person, SAML signs them in, their share brings a HubSpot sign-up, seen in the read API and on the dashboard", async ({
  page,
  browser,
}) => {
  // Two sign-ins, a connector sync job and the every-minute rollup: minutes on a busy machine.
  test.setTimeout(300_000);
  const suffix = Math.random().toString(36).slice(2, 10);
  const domain = `corp-${suffix}.example`;
  const email = `lee.${suffix}@${domain}`;
  const name = `Lee ${suffix}`;
  const { itemId } = await readDemoIds();

  await signInAs(page, "admin@fernhill.example");
  const admin = page.request;
  const conversionsOnDashboard = async () => {
    await page.goto("/dashboard");
    const value = page.locator('[data-kpi-value="conversions"]');
    return Number((await value.innerText()).replace(/\D/g, ""));
  };
  const before = await conversionsOnDashboard();

  // 1. IT connects the identity provider: a SCIM token, the SAML metadata, a verified domain.
  const scim = await admin.post("/api/scim-tokens", { data: { name: `Okta ${suffix}` } });
  expect(scim.status()).toBe(201);
  const { token } = (await scim.json()) as { token: string };
  await page.goto("/admin/settings");
  const sso = page.getByRole("region", { name: "Single sign-on" });
  const notice = sso.locator('[aria-live="polite"]').first();
  await sso.getByLabel("IdP metadata XML").fill(idp.metadata());
  await sso.getByRole("button", { name: "Save SAML settings" }).click();
  await expect(notice).toContainText("SAML settings saved.");
  await sso.getByLabel("Domain", { exact: true }).fill(domain);
  await sso.getByRole("button", { name: "Add domain" }).click();
  const row = sso.getByRole("listitem", { name: domain });
  await row.getByRole("button", { name: "Mark as verified" }).click();
  await expect(row).toContainText("Verified (by an admin)");
  await sso.getByLabel("Single sign-on protocol").selectOption("saml");
  await sso.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(notice).toContainText("Sign-in settings saved.");

  // 2. The identity provider provisions the person (Okta's create-user request).
  const provisioned = await page.request.post(`${E2E.appUrl}/scim/v2/Users`, {
    headers: { authorization: `Bearer ${token}`, "content-type": SCIM_JSON },
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Lee", familyName: suffix },
      emails: [{ primary: true, value: email, type: "work" }],
      active: true,
    },
  });
  expect(provisioned.status()).toBe(201);

  // 3. They sign in through SAML with their work email.
  idp.signInAs(email, name);
  const context = await browser.newContext();
  const person = await context.newPage();
  try {
    await person.goto("/signin");
    const form = person.getByRole("region", {
      name: "Sign in with your organisation's single sign-on",
    });
    await form.getByLabel("Work email").fill(email);
    await form.getByRole("button", { name: "Sign in with SSO" }).click();
    await person.getByRole("button", { name: "Continue to Chorus" }).click();
    await expect(person).toHaveURL(/\/feed$/);
    await expectSignedInAs(person, name);

    // 4. They share a post by copying it; a reader follows the tracked link.
    const created = await person.request.post("/api/shares", {
      data: { itemId, channel: "COPY", text: `What our grid team does, in my words. ${suffix}` },
    });
    expect(created.status(), await created.text()).toBe(201);
    const share = ((await created.json()) as { share: { id: string; trackedUrl: string } }).share;
    const reader = await browser.newContext({ userAgent: HUMAN_UA });
    const hop = await reader.request.get(share.trackedUrl, { maxRedirects: 0 });
    expect(hop.status()).toBe(302);
    await reader.close();
    const db = e2eDatabase();
    await db.connect();
    let clickId = "";
    try {
      await expect
        .poll(
          async () => {
            const { rows } = await db.query<{ id: string }>(
              `SELECT id FROM "ClickEvent" WHERE "shareId" = $1 AND NOT "isBot"`,
              [share.id],
            );
            clickId = rows[0]?.id ?? "";
            return clickId;
          },
          { timeout: 30_000 },
        )
        .not.toBe("");
    } finally {
      await db.end();
    }
    expect(hop.headers().location).toContain(clickId);

    // 5. The reader signs up on the website: HubSpot holds the form submission with the click id.
    hub.forms.set(FORM, [
      {
        submittedAt: Date.now(),
        values: [
          { name: "email", value: `reader.${suffix}@example.org` },
          { name: "chorus_click_id", value: clickId },
        ],
        pageUrl: "https://fernhill.example/newsletter",
      },
    ]);
    const connected = await admin.post("/api/connectors", {
      data: {
        kind: "hubspot",
        name: `HubSpot ${suffix}`,
        token: hub.token,
        intervalMinutes: 15,
        config: {
          contactOutcome: "none",
          syncDeals: false,
          formGuids: [FORM],
          formOutcome: "signup",
        },
      },
    });
    expect(connected.status(), await connected.text()).toBe(201);
    const { connection } = (await connected.json()) as { connection: { id: string } };
    const synced = await admin.post(`/api/connectors/${connection.id}/sync`);
    expect(synced.status()).toBe(202);

    // 6. The read API lists the sign-up on their share…
    const key = await admin.post("/api/api-keys", {
      data: { name: `Warehouse ${suffix}`, kind: "secret", access: ["read"] },
    });
    expect(key.status()).toBe(201);
    const { key: secret } = (await key.json()) as { key: string };
    const code = new URL(share.trackedUrl).pathname.slice(1);
    // Oldest first: the conversions since the share was made (the demo has older ones).
    const since = new Date(Date.now() - 10 * 60_000).toISOString();
    await expect
      .poll(
        async () => {
          const res = await page.request.get(
            `${E2E.appUrl}/api/v1/conversions?limit=200&from=${since}`,
            {
              headers: { authorization: `Bearer ${secret}` },
            },
          );
          const body = (await res.json()) as {
            data: { outcome: string; shareCode: string; clickId: string | null }[];
          };
          return body.data.filter((c) => c.shareCode === code).map((c) => [c.outcome, c.clickId]);
        },
        { timeout: 60_000 },
      )
      .toEqual([["signup", clickId]]);

    // …and the dashboard counts it once the rollup job has run (every minute).
    await expect
      .poll(conversionsOnDashboard, { timeout: 150_000, intervals: [5_000] })
      .toBe(before + 1);
  } finally {
    await context.close();
  }
});
