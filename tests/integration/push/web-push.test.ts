/**
 * Web Push (issue 15): a member subscribes a device, bell notifications with a push category turn
 * into deliveries for the people who want that category, and the push-send job delivers them to a
 * local push service that checks the VAPID signature and decrypts each message (RFC 8030, 8291,
 * 8292). 404/410 remove the subscription; other failures are retried; nothing is sent twice; another
 * organisation's subscription answers 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { POST as subscribePost } from "@/app/api/push/subscriptions/route";
import { DELETE as subscriptionDelete } from "@/app/api/push/subscriptions/[id]/route";
import { PATCH as preferencesPatch } from "@/app/api/push/preferences/route";
import { getDb } from "@/lib/core/db/client";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { transitionContentItem } from "@/lib/domains/content/transition-content-item";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import { fanOutPush } from "@/lib/domains/push/fan-out-push";
import { PUSH_RETRY_LIMIT } from "@/lib/domains/push/jobs/send-push";
import { sendPushDelivery, type PushPayload } from "@/lib/domains/push/send-push-delivery";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { contentInput } from "@/tests/support/content";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "@/tests/support/factories";
import { callRoute } from "@/tests/support/http";
import { startPushService, type PushSubscriber } from "@/tests/support/push-service";

// env() is read lazily in this file's module graph: the app signs with these keys and may reach the
// local push service (plain http on loopback) because PUSH_ALLOWED_HOSTS lists it.
const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = "mailto:push-tests@chorus.test";
process.env.PUSH_ALLOWED_HOSTS = "127.0.0.1";
const push = await startPushService();

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

afterAll(async () => {
  await stopJobs();
  await push.close();
});

async function subscribe(userId: string, subscriber: PushSubscriber = push.subscribe()) {
  const res = await callRoute(subscribePost, {
    method: "POST",
    userId,
    body: subscriber,
    headers: { "user-agent": "Chromium test" },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return { id: res.json.id as string, subscriber };
}

async function notify(orgId: string, userId: string, kind: string, title = `T ${Date.now()}`) {
  return createNotification({ orgId, userId, kind, title, body: "Body", url: "/share/cnt_x" });
}

function deliveriesOf(userId: string) {
  return getDb().pushDelivery.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

describe("subscribing", () => {
  it("keeps the browser's subscription for the member, records the question as asked", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const { id, subscriber } = await subscribe(member.user.id);
    const row = await getDb().pushSubscription.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      orgId: a.org.id,
      membershipId: member.membership.id,
      endpoint: subscriber.endpoint,
      p256dh: subscriber.keys.p256dh,
      userAgent: "Chromium test",
    });
    const m = await getDb().membership.findUniqueOrThrow({ where: { id: member.membership.id } });
    expect(m.pushPromptedAt).not.toBeNull();
    // The same browser again: one row, same id.
    expect((await subscribe(member.user.id, subscriber)).id).toBe(id);
    expect(await getDb().pushSubscription.count({ where: { endpoint: subscriber.endpoint } })).toBe(
      1,
    );
  });

  it("refuses endpoints that are not a push service's https URL, and malformed keys", async () => {
    const good = push.subscribe();
    const cases = [
      { ...good, endpoint: "http://push.example.com/x" },
      { ...good, endpoint: "https://10.1.2.3/push/x" },
      { ...good, endpoint: "https://169.254.169.254/latest" },
      { ...good, endpoint: "javascript:alert(1)" },
      { ...good, keys: { ...good.keys, p256dh: "AAAA" } },
      { ...good, keys: { ...good.keys, auth: "" } },
    ];
    for (const body of cases) {
      const res = await callRoute(subscribePost, {
        method: "POST",
        userId: a.employee.user.id,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error?.message).toBeTruthy();
    }
  });

  it("removes only one's own subscription: another member's or organisation's id is 404", async () => {
    const mine = await subscribe(a.manager.user.id);
    const colleague = await subscribe(a.admin.user.id);
    const foreign = await subscribe(b.employee.user.id);
    for (const id of [colleague.id, foreign.id, "psb_doesnotexist"]) {
      const res = await callRoute(subscriptionDelete, {
        method: "DELETE",
        userId: a.manager.user.id,
        params: { id },
      });
      expect(res.status).toBe(404);
    }
    expect(
      await getDb().pushSubscription.count({ where: { id: { in: [colleague.id, foreign.id] } } }),
    ).toBe(2);
    const res = await callRoute(subscriptionDelete, {
      method: "DELETE",
      userId: a.manager.user.id,
      params: { id: mine.id },
    });
    expect(res.status).toBe(200);
    expect(await getDb().pushSubscription.count({ where: { id: mine.id } })).toBe(0);
  });
});

describe("categories", () => {
  it("pushes each category to people who want it; reminders always; other kinds never", async () => {
    const member = await addMember(a.org.id, "ADMIN");
    await subscribe(member.user.id);
    const res = await callRoute(preferencesPatch, {
      method: "PATCH",
      userId: member.user.id,
      body: { milestones: false, approvals: false, prompted: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.preferences).toEqual({
      newContent: true,
      milestones: false,
      campaigns: true,
      approvals: false,
    });
    const pushed = async (kind: string) =>
      (await fanOutPush([await notify(a.org.id, member.user.id, kind)])).length;
    expect(await pushed("content.new_for_you")).toBe(1);
    expect(await pushed("campaign.started")).toBe(1);
    expect(await pushed("share.reminder")).toBe(1);
    expect(await pushed("impact.visits-10")).toBe(0);
    expect(await pushed("badge.earned")).toBe(0);
    expect(await pushed("approval.requested")).toBe(0);
    expect(await pushed("share.posted")).toBe(0);
    expect(await pushed("linkedin.expiring")).toBe(0);
  });

  it("honours a switch turned off after the delivery was queued", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    await subscribe(member.user.id);
    const [id] = await fanOutPush([await notify(a.org.id, member.user.id, "content.new_for_you")]);
    await callRoute(preferencesPatch, {
      method: "PATCH",
      userId: member.user.id,
      body: { newContent: false },
    });
    expect(await sendPushDelivery(id!, { retryCount: 0 })).toBe("switched-off");
    expect(await getDb().pushDelivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "FAILED",
    });
  });

  it("sends nothing twice: a repeated fan-out and a repeated job are no-ops", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const one = await subscribe(member.user.id);
    const two = await subscribe(member.user.id);
    const notification = await notify(a.org.id, member.user.id, "content.new_for_you");
    expect(await fanOutPush([notification])).toHaveLength(2);
    expect(await fanOutPush([notification])).toHaveLength(0);
    const rows = await deliveriesOf(member.user.id);
    expect(rows.map((r) => r.subscriptionId).sort()).toEqual([one.id, two.id].sort());
    const before = push.received.length;
    expect(await sendPushDelivery(rows[0]!.id, { retryCount: 0 })).toBe("sent");
    expect(await sendPushDelivery(rows[0]!.id, { retryCount: 0 })).toBe("skipped");
    expect(push.received.length).toBe(before + 1);
  });
});

describe("delivery", () => {
  it("encrypts for the device: the push service decrypts title, body, same-origin URL and tag", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const { subscriber } = await subscribe(member.user.id);
    const ntf = await createNotification({
      orgId: a.org.id,
      userId: member.user.id,
      kind: "approval.requested",
      title: "Priya asks you to approve “Heat pumps”",
      body: "Submitted for review.",
      url: "http://chorus.test/studio/cnt_abc?x=1",
    });
    const [id] = await fanOutPush([ntf]);
    expect(await sendPushDelivery(id!, { retryCount: 0 })).toBe("sent");
    const [message] = await push.waitFor(1, subscriber.endpoint);
    expect(message!.json).toEqual({
      title: "Priya asks you to approve “Heat pumps”",
      body: "Submitted for review.",
      url: "/studio/cnt_abc?x=1",
      tag: "approvals:/studio/cnt_abc?x=1",
    } satisfies PushPayload);
    expect(message!.urgency).toBe("high");
    expect(message!.ttl).toBeGreaterThan(0);
    expect(message!.vapid).toMatchObject({
      publicKey: vapid.publicKey,
      sub: "mailto:push-tests@chorus.test",
    });
    const row = await getDb().pushDelivery.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    const sub = await getDb().pushSubscription.findFirstOrThrow({
      where: { endpoint: subscriber.endpoint },
    });
    expect(sub.lastSuccessAt).not.toBeNull();
  });

  it.each([404, 410])(
    "removes the subscription when the push service answers %i",
    async (status) => {
      const member = await addMember(a.org.id, "EMPLOYEE");
      const { id: subscriptionId } = await subscribe(member.user.id);
      const [id] = await fanOutPush([
        await notify(a.org.id, member.user.id, "content.new_for_you"),
      ]);
      push.answerNext(1, status);
      expect(await sendPushDelivery(id!, { retryCount: 0 })).toBe("gone");
      expect(await getDb().pushSubscription.count({ where: { id: subscriptionId } })).toBe(0);
      const row = await getDb().pushDelivery.findUniqueOrThrow({ where: { id: id! } });
      expect(row.status).toBe("FAILED");
      expect(row.subscriptionId).toBeNull();
      expect(row.lastError).toContain(String(status));
      // Later notifications find no device.
      expect(
        await fanOutPush([await notify(a.org.id, member.user.id, "content.new_for_you")]),
      ).toEqual([]);
    },
  );

  it("retries other failures (500) and fails after the last retry", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    await subscribe(member.user.id);
    const [id] = await fanOutPush([await notify(a.org.id, member.user.id, "content.new_for_you")]);
    push.answerNext(1, 500);
    await expect(sendPushDelivery(id!, { retryCount: 0 })).rejects.toThrow(/answered 500/);
    expect(await getDb().pushDelivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });
    expect(await sendPushDelivery(id!, { retryCount: 1 })).toBe("sent");
    expect(await getDb().pushDelivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });

    const [last] = await fanOutPush([
      await notify(a.org.id, member.user.id, "content.new_for_you"),
    ]);
    push.answerNext(1, 500);
    expect(await sendPushDelivery(last!, { retryCount: PUSH_RETRY_LIMIT })).toBe("failed");
    expect(await getDb().pushDelivery.findUniqueOrThrow({ where: { id: last! } })).toMatchObject({
      status: "FAILED",
    });
    // A server error does not remove the device.
    expect(
      await getDb().pushSubscription.count({ where: { membershipId: member.membership.id } }),
    ).toBe(1);
  });

  it("queues the fan-out in the notification's transaction: a rollback pushes nothing", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    await subscribe(member.user.id);
    let id = "";
    await getDb()
      .$transaction(async (tx) => {
        id = await createNotification(
          {
            orgId: a.org.id,
            userId: member.user.id,
            kind: "content.new_for_you",
            title: "Rolled back",
          },
          tx,
        );
        throw new Error("roll back");
      })
      .catch(() => undefined);
    const jobs = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = 'push-fan-out' AND data->'notificationIds' ? ${id}`;
    expect(jobs[0]!.n).toBe(0);
    const committed = await notify(a.org.id, member.user.id, "content.new_for_you");
    const queued = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = 'push-fan-out' AND data->'notificationIds' ? ${committed}`;
    expect(queued[0]!.n).toBe(1);
  });

  it("end to end through the jobs: an item published for the person's team reaches their device", async () => {
    await startJobs();
    const reader = await addMember(a.org.id, "EMPLOYEE", { teamIds: [a.teamB.id] });
    const { subscriber } = await subscribe(reader.user.id);
    const outsider = await addMember(a.org.id, "EMPLOYEE", { teamIds: [a.teamA.id] });
    const { subscriber: outsiderDevice } = await subscribe(outsider.user.id);
    const admin = accessFor(a.org, a.admin);
    const item = await createContentItem(
      admin,
      contentInput({
        title: "Our new wind farm",
        audience: { all: false, teamIds: [a.teamB.id], locationIds: [] },
      }),
    );
    await transitionContentItem(admin, item.id, { to: "PUBLISHED" });
    const [message] = await push.waitFor(1, subscriber.endpoint, 20_000);
    expect(message!.json).toMatchObject({
      title: "New for you: Our new wind farm",
      url: `/share/${item.id}`,
    });
    expect(push.received.filter((r) => r.endpoint === outsiderDevice.endpoint)).toEqual([]);
  });
});
