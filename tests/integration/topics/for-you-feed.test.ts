import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { announceContentItem, announceItemsGoneLive } from "@/lib/domains/content/announce-content";
import { CONTENT_NEW_FOR_YOU } from "@/lib/domains/content/notify-new-for-you";
import { listForYouFeed } from "@/lib/domains/sharing/list-for-you-feed";
import { listTeamResults } from "@/lib/domains/sharing/list-team-results";
import type { ValueType } from "@/lib/generated/prisma/enums";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTopic,
  type OrgFixture,
} from "../../support/factories";
import { createItem, createShare, insertClicks } from "../../support/analytics";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function item(
  fx: OrgFixture,
  title: string,
  publishedDaysAgo: number,
  { valueType = "INFORMATION", topicIds = [] }: { valueType?: ValueType; topicIds?: string[] } = {},
) {
  const created = await createItem(fx.org.id, { valueType });
  await getDb().contentItem.update({
    where: { id: created.id },
    data: { title, publishedAt: ago(publishedDaysAgo), authorId: fx.admin.user.id },
  });
  if (topicIds.length) {
    await getDb().contentTopic.createMany({
      data: topicIds.map((topicId) => ({ orgId: fx.org.id, itemId: created.id, topicId })),
    });
  }
  return created.id;
}

/** `visitors` different people open the share's link (human, one visit each), then the rollup. */
async function visits(orgId: string, shareId: string, visitors: number) {
  await insertClicks(
    orgId,
    Array.from({ length: visitors }, (_, i) => ({
      shareId,
      at: ago(1),
      visitorKey: `${shareId}-v${i}`,
    })),
  );
}

describe("the for-you feed with real data", () => {
  let fx: OrgFixture;
  let ids: Record<string, string>;

  beforeAll(async () => {
    fx = await createOrgFixture(); // employee in Beta; admin and manager in Alpha
    const db = getDb();
    const renewables = await createTopic(fx.org.id, "Renewables");
    await db.topicFollow.create({
      data: {
        orgId: fx.org.id,
        membershipId: fx.employee.membership.id,
        topicId: renewables.id,
      },
    });
    const betaColleague = await addMember(fx.org.id, "EMPLOYEE", { teamIds: [fx.teamB.id] });
    ids = {
      topic: await item(fx, "Followed topic", 10, { topicIds: [renewables.id] }),
      fun: await item(fx, "Something fun", 12, { valueType: "ENTERTAINMENT" }),
      team: await item(fx, "Did well in my team", 10),
      otherTeam: await item(fx, "Did well in another team", 10),
      fresh: await item(fx, "Published today", 0.1),
      old: await item(fx, "Old news", 20),
      shared: await item(fx, "Already shared", 1, { topicIds: [renewables.id] }),
    };
    // The employee shared news lately: news is not missing from their mix, fun is.
    await createShare(fx.org.id, ids.shared!, fx.employee, { createdAt: ago(2) });
    // A colleague in Beta shared "team" (8 unique visitors) and "old" (1 visitor); the manager
    // (Alpha, not the employee's team) shared "otherTeam" with 30 visitors.
    const betaShare = await createShare(fx.org.id, ids.team!, betaColleague, {
      createdAt: ago(3),
    });
    const betaOld = await createShare(fx.org.id, ids.old!, betaColleague, { createdAt: ago(3) });
    const alphaShare = await createShare(fx.org.id, ids.otherTeam!, fx.manager, {
      createdAt: ago(3),
    });
    // A share older than 60 days does not count, however well it did.
    const stale = await createShare(fx.org.id, ids.fresh!, betaColleague, {
      createdAt: ago(61),
    });
    await visits(fx.org.id, betaShare.id, 8);
    await visits(fx.org.id, betaOld.id, 1);
    await visits(fx.org.id, alphaShare.id, 30);
    await visits(fx.org.id, stale.id, 50);
    await drainDirtyRollups(getDb());
  });

  it("reads each item's best team result from the rollups, for the member's teams only", async () => {
    const results = await listTeamResults(accessFor(fx.org, fx.employee));
    expect(results.get(ids.team!)).toEqual({ teamName: "Beta", shares: 1, uniqueVisits: 8 });
    expect(results.get(ids.old!)).toEqual({ teamName: "Beta", shares: 1, uniqueVisits: 1 });
    expect(results.has(ids.otherTeam!)).toBe(false);
    expect(results.has(ids.fresh!)).toBe(false);
    // The member's own shares are not "colleagues".
    expect(results.has(ids.shared!)).toBe(false);
  });

  it("orders by followed topic, variety, team result and freshness, each card saying why", async () => {
    const feed = await listForYouFeed(accessFor(fx.org, fx.employee), {});
    const mine = feed.filter((i) => Object.values(ids).includes(i.id));
    expect(mine.map((i) => [i.title, i.reason])).toEqual([
      ["Followed topic", "You follow Renewables"],
      ["Something fun", "You haven't shared anything fun lately"],
      ["Did well in my team", "Did well in Beta"],
      ["Published today", "New today"],
      ["Did well in another team", null],
      ["Old news", null],
      ["Already shared", null],
    ]);
    expect(mine.at(-1)?.sharedCount).toBe(1);
    expect(mine[0]?.topics).toEqual([expect.objectContaining({ name: "Renewables" })]);
  });

  it("the newest order gives no reasons", async () => {
    const feed = await listForYouFeed(accessFor(fx.org, fx.employee), { order: "newest" });
    expect(feed[0]?.title).toBe("Published today");
    expect(feed.every((i) => i.reason === null)).toBe(true);
  });
});

describe("'New for you' when an item goes live", () => {
  it("rings the bell of the item's audience only, naming a followed topic, once", async () => {
    const fx = await createOrgFixture(); // admin + manager in Alpha, employee in Beta
    const db = getDb();
    const hydrogen = await createTopic(fx.org.id, "Hydrogen");
    const follower = await addMember(fx.org.id, "EMPLOYEE", { teamIds: [fx.teamB.id] });
    const deactivatedInBeta = await addMember(fx.org.id, "EMPLOYEE", {
      teamIds: [fx.teamB.id],
      status: "DEACTIVATED",
    });
    await db.topicFollow.create({
      data: { orgId: fx.org.id, membershipId: follower.membership.id, topicId: hydrogen.id },
    });
    // The manager follows it too, but is not in the audience.
    await db.topicFollow.create({
      data: { orgId: fx.org.id, membershipId: fx.manager.membership.id, topicId: hydrogen.id },
    });
    const itemId = await item(fx, "Our first hydrogen electrolyser", 0, {
      topicIds: [hydrogen.id],
    });
    await db.contentItem.update({ where: { id: itemId }, data: { audienceAll: false } });
    await db.contentAudienceTeam.create({
      data: { orgId: fx.org.id, itemId, teamId: fx.teamB.id },
    });

    await announceContentItem(fx.org.id, itemId);
    await announceContentItem(fx.org.id, itemId); // the publish call and the job: still once
    const sent = await db.notification.findMany({
      where: { orgId: fx.org.id, kind: CONTENT_NEW_FOR_YOU },
      select: { userId: true, title: true, url: true },
    });
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        {
          userId: follower.user.id,
          title: "New in Hydrogen: Our first hydrogen electrolyser",
          url: `/share/${itemId}`,
        },
        {
          userId: fx.employee.user.id,
          title: "New for you: Our first hydrogen electrolyser",
          url: `/share/${itemId}`,
        },
      ]),
    );
    const told = sent.map((n) => n.userId);
    for (const outside of [fx.admin, fx.manager, deactivatedInBeta]) {
      expect(told).not.toContain(outside.user.id);
    }
  });

  it("the every-minute job announces a scheduled item whose time came, in an organisation without webhooks", async () => {
    const fx = await createOrgFixture();
    const itemId = await item(fx, "Scheduled for this morning", 1);
    await getDb().contentItem.update({
      where: { id: itemId },
      data: { publishAt: new Date(Date.now() - 5 * 60_000) },
    });
    await announceItemsGoneLive();
    const sent = await getDb().notification.findMany({
      where: { orgId: fx.org.id, kind: CONTENT_NEW_FOR_YOU },
      select: { userId: true },
    });
    // Everyone active but the author (the admin): manager and employee.
    expect(sent.map((n) => n.userId).sort()).toEqual(
      [fx.manager.user.id, fx.employee.user.id].sort(),
    );
  });
});
