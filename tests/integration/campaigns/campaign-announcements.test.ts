/**
 * Campaign news (issue "Phone-first", push categories): a campaign's audience — every active
 * member of its organisation — hears once when it starts (by the every-five-minutes job, or at
 * once when it is saved with a start already past) and once when it reaches its goal. The bell
 * always; a push only to people whose "Campaign news" switch is on (local push service). The
 * statements do not grow with the audience.
 */
import { afterAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { POST as subscribePost } from "@/app/api/push/subscriptions/route";
import { PATCH as preferencesPatch } from "@/app/api/push/preferences/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { addDays } from "@/lib/domains/analytics/day-range";
import {
  CAMPAIGN_GOAL_REACHED,
  CAMPAIGN_STARTED,
  announceCampaignGoal,
  announceCampaignStart,
  announceCampaigns,
  campaignUrl,
} from "@/lib/domains/campaigns/announce-campaign";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";
import { fanOutPush } from "@/lib/domains/push/fan-out-push";
import { sendPushDelivery } from "@/lib/domains/push/send-push-delivery";
import { countStatements } from "@/tests/helpers/count-statements";
import { createItem, createShare } from "@/tests/support/analytics";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "@/tests/support/factories";
import { callRoute } from "@/tests/support/http";
import { startPushService } from "@/tests/support/push-service";

const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = "mailto:push-tests@chorus.test";
process.env.PUSH_ALLOWED_HOSTS = "127.0.0.1";
const push = await startPushService();

afterAll(async () => {
  await push.close();
});

const HOUR = 60 * 60_000;

/** A campaign stored directly (no save flow, so nothing is announced yet). */
async function storeCampaign(
  orgId: string,
  {
    startsAt = new Date(Date.now() - HOUR),
    endsAt = new Date(Date.now() + 5 * 24 * HOUR),
    archivedAt = null,
    goalTarget = 100,
    itemIds = [],
  }: {
    startsAt?: Date;
    endsAt?: Date;
    archivedAt?: Date | null;
    goalTarget?: number;
    itemIds?: string[];
  } = {},
) {
  const id = createId("cmp");
  await getDb().campaign.create({
    data: {
      id,
      orgId,
      name: `Solar ${randomString(6)}`,
      startsAt,
      endsAt,
      archivedAt,
      goal: "SHARES",
      goalTarget,
      items: { create: itemIds.map((itemId) => ({ orgId, itemId })) },
    },
  });
  return id;
}

async function recipients(campaignId: string, kind: string) {
  const rows = await getDb().notification.findMany({
    where: { kind, url: campaignUrl(campaignId) },
    select: { userId: true, orgId: true },
  });
  return rows.map((r) => r.userId).sort();
}

function activeUsers(fx: OrgFixture, ...extra: { user: { id: string } }[]) {
  return [fx.admin, fx.manager, fx.employee, ...extra].map((m) => m.user.id).sort();
}

describe("campaign.started", () => {
  it("reaches every active member once, even when the job runs twice and concurrently", async () => {
    const [a, b] = await Promise.all([createOrgFixture(), createOrgFixture()]);
    const extra = await addMember(a.org.id, "EMPLOYEE");
    const id = await storeCampaign(a.org.id);
    await Promise.all([
      announceCampaigns(),
      announceCampaigns(),
      announceCampaignStart(a.org.id, id),
    ]);
    await announceCampaigns();
    const got = await recipients(id, CAMPAIGN_STARTED);
    // Each active member once; not the deactivated member, nobody of the other organisation.
    expect(got).toEqual(activeUsers(a, extra));
    expect(got).not.toContain(a.deactivated.user.id);
    expect(got).not.toContain(b.employee.user.id);
    const row = await getDb().notification.findFirstOrThrow({
      where: { userId: a.employee.user.id, kind: CAMPAIGN_STARTED, url: campaignUrl(id) },
    });
    expect(row.orgId).toBe(a.org.id);
    expect(row.title).toMatch(/ (starts today|is running)$/);
    expect(row.body).toContain("Goal: 100 shares");
  });

  it("skips upcoming, ended and archived campaigns until (unless) their window begins", async () => {
    const a = await createOrgFixture();
    const upcoming = await storeCampaign(a.org.id, {
      startsAt: new Date(Date.now() + 2 * HOUR),
      endsAt: new Date(Date.now() + 48 * HOUR),
    });
    const archived = await storeCampaign(a.org.id, { archivedAt: new Date() });
    const ended = await storeCampaign(a.org.id, {
      startsAt: new Date(Date.now() - 48 * HOUR),
      endsAt: new Date(Date.now() - HOUR),
    });
    await announceCampaigns();
    for (const id of [upcoming, archived, ended]) {
      expect(await recipients(id, CAMPAIGN_STARTED)).toEqual([]);
    }
    // The job's next runs, once the start has come.
    await announceCampaigns(new Date(Date.now() + 3 * HOUR));
    await announceCampaigns(new Date(Date.now() + 4 * HOUR));
    expect(await recipients(upcoming, CAMPAIGN_STARTED)).toEqual(activeUsers(a));
    expect(await recipients(archived, CAMPAIGN_STARTED)).toEqual([]);
  });

  it("saving a campaign that starts today announces it at once; one that starts later does not", async () => {
    const a = await createOrgFixture();
    const admin = accessFor(a.org, a.admin);
    const today = zonedDateKey(new Date(), a.org.timeZone);
    const input = {
      description: null,
      goal: "SHARES" as const,
      goalTarget: 10,
      itemIds: [],
      teamIds: [],
    };
    const now = await createCampaign(admin, {
      ...input,
      name: `Now ${randomString(5)}`,
      startDate: today,
      endDate: addDays(today, 3),
    });
    const later = await createCampaign(admin, {
      ...input,
      name: `Later ${randomString(5)}`,
      startDate: addDays(today, 2),
      endDate: addDays(today, 3),
    });
    expect(await recipients(now.id, CAMPAIGN_STARTED)).toEqual(activeUsers(a));
    const row = await getDb().notification.findFirstOrThrow({
      where: { userId: a.employee.user.id, url: campaignUrl(now.id) },
    });
    expect(row.title).toBe(`${now.name} starts today`);
    expect(await recipients(later.id, CAMPAIGN_STARTED)).toEqual([]);
  });
});

describe("campaign.goal_reached", () => {
  it("announces once when the shares reach the target, to the audience; sharers read their part", async () => {
    const [a, b] = await Promise.all([createOrgFixture(), createOrgFixture()]);
    const item = await createItem(a.org.id);
    const id = await storeCampaign(a.org.id, { goalTarget: 2, itemIds: [item.id] });
    await createShare(a.org.id, item.id, a.employee);
    await announceCampaigns();
    expect(await recipients(id, CAMPAIGN_GOAL_REACHED)).toEqual([]);

    await createShare(a.org.id, item.id, a.manager);
    await Promise.all([announceCampaigns(), announceCampaignGoal(a.org.id, id)]);
    await announceCampaigns();
    const got = await recipients(id, CAMPAIGN_GOAL_REACHED);
    expect(got).toEqual(activeUsers(a));
    expect(got).not.toContain(b.employee.user.id);
    const byUser = new Map(
      (
        await getDb().notification.findMany({
          where: { kind: CAMPAIGN_GOAL_REACHED, url: campaignUrl(id) },
        })
      ).map((n) => [n.userId, n]),
    );
    expect(byUser.get(a.employee.user.id)!.body).toContain("You shared 1 share");
    expect(byUser.get(a.admin.user.id)!.body).toBe("Together: 2 shares (goal 2 shares).");
    expect(byUser.get(a.admin.user.id)!.title).toMatch(/reached its goal$/);
  });
});

describe("push", () => {
  it("pushes to people whose Campaign news switch is on; the others get only the bell", async () => {
    const a = await createOrgFixture();
    const on = await addMember(a.org.id, "EMPLOYEE");
    const off = await addMember(a.org.id, "EMPLOYEE");
    const devices = new Map<string, string>();
    for (const m of [on, off]) {
      const subscriber = push.subscribe();
      const res = await callRoute(subscribePost, {
        method: "POST",
        userId: m.user.id,
        body: subscriber,
        headers: { "user-agent": "Chromium test" },
      });
      expect(res.status).toBe(201);
      devices.set(m.user.id, subscriber.endpoint);
    }
    const res = await callRoute(preferencesPatch, {
      method: "PATCH",
      userId: off.user.id,
      body: { campaigns: false },
    });
    expect(res.status).toBe(200);

    const id = await storeCampaign(a.org.id);
    await announceCampaignStart(a.org.id, id);
    const bells = await getDb().notification.findMany({
      where: { kind: CAMPAIGN_STARTED, url: campaignUrl(id) },
      select: { id: true, userId: true },
    });
    expect(bells.map((n) => n.userId)).toContain(off.user.id);
    // createNotifications queued the push fan-out for them, in the same transaction.
    const queued = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = 'push-fan-out' AND data->'notificationIds' ? ${bells[0]!.id}`;
    expect(queued[0]!.n).toBe(1);

    const deliveries = await fanOutPush(bells.map((n) => n.id));
    expect(deliveries).toHaveLength(1);
    const delivery = await getDb().pushDelivery.findUniqueOrThrow({
      where: { id: deliveries[0]! },
    });
    expect(delivery.userId).toBe(on.user.id);
    expect(await sendPushDelivery(delivery.id, { retryCount: 0 })).toBe("sent");
    const [message] = await push.waitFor(1, devices.get(on.user.id), 10_000);
    expect(message!.json).toMatchObject({ url: campaignUrl(id) });
    expect(push.received.filter((r) => r.endpoint === devices.get(off.user.id))).toEqual([]);
  });
});

describe("cost", () => {
  it("sends as many statements for 50 members as for 5 (batch inserts)", async () => {
    const measure = async (members: number) => {
      const fx = await createOrgFixture();
      const people = [];
      for (let i = 3; i < members; i++) people.push(await addMember(fx.org.id, "EMPLOYEE"));
      const item = await createItem(fx.org.id);
      const id = await storeCampaign(fx.org.id, { goalTarget: 3, itemIds: [item.id] });
      for (const m of [fx.employee, fx.manager, people[0]!]) {
        await createShare(fx.org.id, item.id, m);
      }
      const start = await countStatements(() => announceCampaignStart(fx.org.id, id));
      const goal = await countStatements(() => announceCampaignGoal(fx.org.id, id));
      expect(await recipients(id, CAMPAIGN_STARTED)).toHaveLength(members);
      expect(await recipients(id, CAMPAIGN_GOAL_REACHED)).toHaveLength(members);
      return { start, goal };
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty).toEqual(five);
    expect(five.start).toBeLessThan(12);
  });
});
