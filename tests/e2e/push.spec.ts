/**
 * Web Push end to end (issue 15): a person turns push on from the one-time banner in Chromium, an
 * admin publishes a post for their team, and the local push service (tests/support/push-service.ts)
 * receives the message, checks its VAPID signature and decrypts it: the right title and page. The
 * decrypted message is then handed to the browser's real service worker, which shows it.
 *
 * What stands in for what: Chromium's own `pushManager.subscribe` registers with Google's push
 * service (FCM). Here there is no network, and headless Chromium refuses it anyway ("AbortError:
 * Registration failed - permission denied", notifications permission granted), and a message
 * sent to FCM could not be read by a test: only the browser holds its private key. So the page's
 * PushManager is given a subscription on the local push service whose key pair and auth secret
 * the test made (an init script; the rest — permission, the app's UI, its API, fan-out job,
 * encryption, VAPID, the push-send job — is the real thing). The leg from the push service to the
 * browser (FCM's own protocol) is played by DevTools' `ServiceWorker.deliverPushMessage`, with
 * the plaintext the push service decrypted.
 */
import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./demo-ids";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";
import { startPushService, type PushService } from "../support/push-service";

const PERSON = "employee@fernhill.example";
const ADMIN = "admin@fernhill.example";

let push: PushService;
test.beforeAll(async () => {
  push = await startPushService();
});
test.afterAll(async () => {
  await push.close();
});

// The app's service worker receives the push (blocked by default in playwright.config.ts).
test.use({ permissions: ["notifications"], serviceWorkers: "allow" });

async function personTeam(): Promise<{ teamId: string; membershipId: string }> {
  const db = e2eDatabase();
  await db.connect();
  try {
    const { rows } = await db.query<{ teamId: string; membershipId: string }>(
      `SELECT tm."teamId", m.id AS "membershipId" FROM "Membership" m
       JOIN "User" u ON u.id = m."userId" JOIN "TeamMember" tm ON tm."membershipId" = m.id
       WHERE u.email = $1 ORDER BY tm."teamId" LIMIT 1`,
      [PERSON],
    );
    // Asked once after a first share: the seed answered it for the demo people; ask again.
    await db.query(`UPDATE "Membership" SET "pushPromptedAt" = NULL WHERE id = $1`, [
      rows[0]!.membershipId,
    ]);
    return rows[0]!;
  } finally {
    await db.end();
  }
}

test("turn push on from the banner; a post for the person's team reaches the device, decrypted, and the worker shows it", async ({
  page,
  browser,
}) => {
  const { teamId } = await personTeam();
  const device = push.subscribe();
  // The page's PushManager hands out the local push service's subscription (see above).
  await page.addInitScript((sub) => {
    const KEY = "e2e-push-subscribed";
    const subscription = () => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function () {
      localStorage.setItem(KEY, "1");
      return subscription() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (localStorage.getItem(KEY) ? subscription() : null) as PushSubscription | null;
    };
  }, device);

  await signInAs(page, PERSON);
  await page.goto("/feed");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const banner = page.getByRole("region", { name: /Get a push when/ });
  await banner.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Push notifications are on.")).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto("/profile");
  const section = page.getByRole("region", { name: "Notifications on this device" });
  await expect(section.getByText("On for this device.")).toBeVisible();
  // Approvals are offered to people who may approve only.
  await expect(section.getByRole("checkbox", { name: /New content for me/ })).toBeChecked();
  await expect(section.getByRole("checkbox", { name: /Approvals/ })).toHaveCount(0);

  // An admin publishes a post for the person's team.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, ADMIN);
  const title = `Push test ${Date.now()}`;
  const created = await admin.request.post("/api/content", {
    data: {
      title,
      body: "Our new battery storage site opens next week.",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      audience: { all: false, teamIds: [teamId], locationIds: [] },
    },
  });
  expect(created.status()).toBe(201);
  const { item } = (await created.json()) as { item: { id: string } };
  const published = await admin.request.post(`/api/content/${item.id}/transitions`, {
    data: { to: "PUBLISHED" },
  });
  expect(published.status()).toBe(200);
  await adminContext.close();

  // The push service received it, the VAPID signature verified, and it decrypts to the post.
  const [message] = await push.waitFor(1, device.endpoint, 30_000);
  expect(message!.json).toMatchObject({
    title: `New for you: ${title}`,
    url: `/share/${item.id}`,
  });
  expect(message!.vapid.publicKey).toBe(E2E.vapid.publicKey);

  // The browser's service worker shows it, with its page.
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const found = registrations.find((r) => !r.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(page.url()).origin,
    registrationId: await registrationId,
    data: message!.text,
  });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        const shown = await reg.getNotifications();
        return shown.map((n) => ({ title: n.title, url: (n.data as { url: string }).url }));
      }),
    )
    .toContainEqual({ title: `New for you: ${title}`, url: `/share/${item.id}` });

  // Off again: the device's subscription is forgotten.
  await section.getByRole("button", { name: "Turn off on this device" }).click();
  await expect(section.getByText("Off for this device.", { exact: true })).toBeVisible();
});
