/**
 * Moments that matter, announced after a rollup run the way the analytics-rollup job does it: read
 * the database's clock, drain the markers, announce (announceMilestones). Once each, at most
 * DAILY_MILESTONE_CAP a day per person, the first outcome named, no old news.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { announceMilestones, rollupClock } from "@/lib/domains/milestones/announce-milestones";
import { DAILY_MILESTONE_CAP } from "@/lib/domains/milestones/milestones";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import {
  createItem,
  createShare,
  insertClicks,
  insertConversions,
  type TestClick,
} from "../../support/analytics";

const MINUTE = 60_000;

/** One rollup job run: clock, drain, announce. */
async function runRollupJob() {
  const db = getDb();
  const since = await rollupClock(db);
  await drainDirtyRollups(db);
  return announceMilestones(db, { since });
}

/** `n` human visits (distinct visitors) on a share, `minutesAgo` before now. */
function visits(shareId: string, n: number, minutesAgo = 1): TestClick[] {
  const at = new Date(Date.now() - minutesAgo * MINUTE);
  return Array.from({ length: n }, () => ({ shareId, at, visitorKey: randomString(12) }));
}

async function milestonesOf(f: OrgFixture, member: OrgFixture["employee"]) {
  return getDb().notification.findMany({
    where: { orgId: f.org.id, userId: member.user.id, kind: { startsWith: "impact." } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, title: true, url: true },
  });
}

async function titledItem(orgId: string, title: string) {
  const item = await createItem(orgId);
  return getDb().contentItem.update({ where: { id: item.id }, data: { title } });
}

describe("milestone notifications", () => {
  // The worker's database is shared by the test files that ran on it before: their unrolled
  // clicks would be drained — and their milestones announced — by this file's first run, and
  // counted in its `created` (a failure that depended on which file ran before).
  beforeEach(async () => {
    await runRollupJob();
  });

  it("a share's first visit, then 10 visits: once each, linked to the share", async () => {
    const f = await createOrgFixture();
    const item = await titledItem(f.org.id, "Our new wind farm");
    const share = await createShare(f.org.id, item.id, f.employee);

    await insertClicks(f.org.id, visits(share.id, 1));
    expect(await runRollupJob()).toMatchObject({ created: 1 });
    expect(await milestonesOf(f, f.employee)).toEqual([
      {
        kind: "impact.first-visit",
        title: "Your post about “Our new wind farm” got its first visit",
        url: `/activity?share=${share.id}`,
      },
    ]);

    // More visits below 10, and the same run again: nothing new.
    await insertClicks(f.org.id, visits(share.id, 3));
    await runRollupJob();
    await getDb().rollupDirty.create({
      data: { shareId: share.id, day: new Date(new Date().toISOString().slice(0, 10)) },
    });
    await runRollupJob(); // recounted again: the first visit is not announced twice
    expect(await milestonesOf(f, f.employee)).toHaveLength(1);

    await insertClicks(f.org.id, visits(share.id, 7)); // 11 visits
    await runRollupJob();
    const all = await milestonesOf(f, f.employee);
    expect(all.map((n) => n.kind)).toEqual(["impact.first-visit", "impact.visits-10"]);
    expect(all[1]!.title).toBe("Your post about “Our new wind farm” reached 10 visits");
    // Nobody else heard about it.
    expect(await milestonesOf(f, f.manager)).toEqual([]);
  });

  it("the first outcome names it: “brought its first applicant”", async () => {
    const f = await createOrgFixture();
    const item = await titledItem(f.org.id, "the graduate programme");
    const share = await createShare(f.org.id, item.id, f.employee, {
      createdAt: new Date(Date.now() - 20 * 86_400_000),
    });
    // Reported late: the application happened a week ago, the run learns of it now.
    await insertConversions(f.org.id, [
      {
        shareId: share.id,
        outcome: "APPLICATION",
        occurredAt: new Date(Date.now() - 7 * 86_400_000),
      },
    ]);
    await runRollupJob();
    expect(await milestonesOf(f, f.employee)).toEqual([
      {
        kind: "impact.first-outcome",
        title: "Your post about “the graduate programme” brought its first applicant",
        url: `/activity?share=${share.id}`,
      },
    ]);
    await insertConversions(f.org.id, [
      { shareId: share.id, outcome: "HIRE", occurredAt: new Date(Date.now() - MINUTE) },
    ]);
    await runRollupJob();
    expect(await milestonesOf(f, f.employee)).toHaveLength(1); // a first outcome happens once
  });

  it(`caps a person at ${DAILY_MILESTONE_CAP} a day, the most important first, and drops the rest`, async () => {
    const f = await createOrgFixture();
    const shares = [];
    for (let i = 0; i < 5; i++) {
      const item = await titledItem(f.org.id, `Post ${i}`);
      shares.push(await createShare(f.org.id, item.id, f.employee));
    }
    // Post 0 brings a lead (the most important), the others a first visit each.
    await insertClicks(
      f.org.id,
      shares.slice(1).flatMap((s) => visits(s.id, 1)),
    );
    await insertConversions(f.org.id, [
      { shareId: shares[0]!.id, outcome: "LEAD", occurredAt: new Date(Date.now() - MINUTE) },
    ]);
    expect(await runRollupJob()).toEqual({ created: DAILY_MILESTONE_CAP, skipped: 2 });
    const sent = await milestonesOf(f, f.employee);
    expect(sent).toHaveLength(DAILY_MILESTONE_CAP);
    expect(sent.filter((n) => n.kind === "impact.first-outcome")).toHaveLength(1);
    expect(sent[0]!.title).toBe("Your post about “Post 0” brought its first lead");

    // Later the same day: the cap still holds, and the skipped ones are not sent as old news.
    const another = await createShare(
      f.org.id,
      (await titledItem(f.org.id, "Post 5")).id,
      f.employee,
    );
    await insertClicks(f.org.id, visits(another.id, 1));
    expect(await runRollupJob()).toEqual({ created: 0, skipped: 1 });
    expect(await milestonesOf(f, f.employee)).toHaveLength(DAILY_MILESTONE_CAP);
    // Another person's cap is their own.
    const theirs = await createShare(f.org.id, another.itemId, f.manager);
    await insertClicks(f.org.id, visits(theirs.id, 1));
    expect(await runRollupJob()).toMatchObject({ created: 1 });
  });

  it("a new personal best, and no old news for a share that passed its milestones long ago", async () => {
    const f = await createOrgFixture();
    const db = getDb();
    const old = await createShare(f.org.id, (await titledItem(f.org.id, "Old")).id, f.employee, {
      createdAt: new Date(Date.now() - 40 * 86_400_000),
    });
    // 20 visits a month ago, rolled up then; announcements of that time are long gone.
    await insertClicks(f.org.id, visits(old.id, 20, 30 * 24 * 60));
    await drainDirtyRollups(db);
    const fresh = await createShare(f.org.id, (await titledItem(f.org.id, "Fresh")).id, f.employee);
    await insertClicks(f.org.id, [...visits(old.id, 1), ...visits(fresh.id, 21)]);
    await runRollupJob();
    const sent = await milestonesOf(f, f.employee);
    // Old: 20 → 21 visits crosses no threshold (no old news). Fresh: 0 → 21 says "10 visits"
    // (only the highest threshold crossed) and ties Old's record of 21: no personal best yet.
    expect(sent.map((n) => n.kind)).toEqual(["impact.visits-10"]);
    await insertClicks(f.org.id, visits(fresh.id, 1));
    await runRollupJob();
    const after = await milestonesOf(f, f.employee);
    expect(after.map((n) => n.kind)).toEqual(["impact.visits-10", "impact.best"]);
    expect(after[1]!.title).toBe("New personal best: your post about “Fresh”");
  });
});
