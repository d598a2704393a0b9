/**
 * The daily click-partitions job (lib/domains/tracking/click-partitions.ts): months ahead, rows out of
 * the default partition, and retention that drops only final old months without changing a rollup.
 *
 * It runs on the worker's shared test database, so its months are far in the past (1989–1990) and
 * `now` is chosen so that the retention cutoff reaches only those; the env test uses months about
 * ten years back.
 */
process.env.CLICK_RETENTION_MONTHS = "120";

import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { processDirtyRollups, rebuildRollups } from "@/lib/domains/analytics/rollup";
import {
  createClickPartition,
  listClickPartitions,
  maintainClickPartitions,
  partitionName,
} from "@/lib/domains/tracking/click-partitions";
import { clickPartitionsJob } from "@/lib/domains/tracking/jobs/click-partitions";
import { createItem, createShare, insertClicks } from "../../support/analytics";
import { createOrgFixture } from "../../support/factories";

const utc = (s: string) => new Date(`${s}Z`);

async function rollUpEverything() {
  while ((await processDirtyRollups(getDb(), { limit: 5000 })).processed > 0);
}

async function where(shareId: string) {
  return getDb().$queryRaw<{ part: string; n: number }[]>`
    SELECT tableoid::regclass::text AS part, COUNT(*)::int AS n FROM "ClickEvent"
    WHERE "shareId" = ${shareId} GROUP BY 1 ORDER BY 1`;
}

async function stats(orgId: string) {
  return getDb().shareDailyStats.findMany({
    where: { orgId },
    orderBy: [{ shareId: "asc" }, { day: "asc" }],
  });
}

async function setup(timeZone = "UTC") {
  const f = await createOrgFixture();
  await getDb().organization.update({ where: { id: f.org.id }, data: { timeZone } });
  const item = await createItem(f.org.id);
  const share = await createShare(f.org.id, item.id, f.admin);
  return { f, share };
}

describe("click partitions", () => {
  it("creates the partition of a month the default holds rows for, moving them in one transaction", async () => {
    const { f, share } = await setup();
    const month = utc("1989-07-01T00:00:00");
    const clicks = [
      { shareId: share.id, at: utc("1989-07-01T00:00:00"), visitorKey: "a" },
      { shareId: share.id, at: utc("1989-07-31T23:59:59.999"), visitorKey: "b" },
      { shareId: share.id, at: utc("1989-08-01T00:00:00"), visitorKey: "c" },
    ];
    await insertClicks(f.org.id, clicks);
    expect(await where(share.id)).toEqual([{ part: `"ClickEvent_default"`, n: 3 }]);

    // What Postgres does without the move: refuses the partition.
    await expect(
      getDb().$executeRawUnsafe(
        `CREATE TABLE "ClickEvent_p1989_07" PARTITION OF "ClickEvent" FOR VALUES FROM ('1989-07-01 00:00+00') TO ('1989-08-01 00:00+00')`,
      ),
    ).rejects.toThrow(/default partition.*would be violated/);

    expect(await createClickPartition(getDb(), month)).toEqual({ created: true, moved: 2 });
    expect(await where(share.id)).toEqual([
      { part: `"ClickEvent_default"`, n: 1 },
      { part: `"ClickEvent_p1989_07"`, n: 2 },
    ]);
    // Idempotent; the new partition has the parent's indexes and takes new rows.
    expect(await createClickPartition(getDb(), month)).toEqual({ created: false, moved: 0 });
    const indexes = await getDb().$queryRaw<{ def: string }[]>`
      SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index
      WHERE indrelid = '"ClickEvent_p1989_07"'::regclass ORDER BY 1`;
    expect(indexes.map((i) => i.def.replace(/^.* USING /, ""))).toEqual([
      `btree ("shareId", at)`,
      "btree (id, at)",
    ]);
    await insertClicks(f.org.id, [
      { shareId: share.id, at: utc("1989-07-15T00:00:00"), visitorKey: "d" },
    ]);
    expect(await where(share.id)).toEqual([
      { part: `"ClickEvent_default"`, n: 1 },
      { part: `"ClickEvent_p1989_07"`, n: 3 },
    ]);
    // The month of the remaining row gets its partition from the job, rows moved.
    const report = await maintainClickPartitions(getDb(), {
      now: utc("1989-07-10T00:00:00"),
      retentionMonths: 13,
      monthsAhead: 0,
    });
    expect(report.created).toContain("ClickEvent_p1989_08");
    expect(report.moved).toBeGreaterThanOrEqual(1);
    expect(report.dropped).toEqual([]);
    expect(await where(share.id)).toEqual([
      { part: `"ClickEvent_p1989_07"`, n: 3 },
      { part: `"ClickEvent_p1989_08"`, n: 1 },
    ]);
  });

  it("drops only old months whose days are final, and no rollup number changes", async () => {
    // A zone far from UTC: its days straddle the UTC months' boundaries.
    const { f, share } = await setup("Pacific/Kiritimati");
    const other = await createShare(f.org.id, (await createItem(f.org.id)).id, f.admin);
    for (const m of ["1990-01", "1990-03", "1990-05", "1990-06"]) {
      await createClickPartition(getDb(), utc(`${m}-01T00:00:00`));
    }
    await insertClicks(f.org.id, [
      { shareId: share.id, at: utc("1990-01-10T10:00:00"), visitorKey: "a" },
      { shareId: share.id, at: utc("1990-01-31T20:00:00"), visitorKey: "b" }, // Feb 1st in Kiritimati
      { shareId: other.id, at: utc("1990-01-20T10:00:00"), visitorKey: "c", isBot: true },
      { shareId: share.id, at: utc("1990-03-05T10:00:00"), visitorKey: "d" },
      { shareId: share.id, at: utc("1990-05-05T10:00:00"), visitorKey: "e" },
      { shareId: other.id, at: utc("1990-06-02T10:00:00"), visitorKey: "f" },
    ]);
    await rollUpEverything();
    const before = await stats(f.org.id);
    expect(before.map((s) => s.clicks).reduce((a, b) => a + b, 0)).toBe(6);

    // A day still to roll up that the March partition may hold: April 1st, org-local (UTC+14:
    // it starts on March 31st, 10:00 UTC).
    await getDb().rollupDirty.create({
      data: { shareId: share.id, day: utc("1990-04-01T00:00:00") },
    });

    // now = June 1991, 13 months: the cutoff is May 1990; January and March are old, May is kept.
    const options = { now: utc("1991-06-15T00:00:00"), retentionMonths: 13, monthsAhead: 0 };
    const first = await maintainClickPartitions(getDb(), options);
    expect(first.dropped).toContain("ClickEvent_p1990_01");
    expect(first.dropped).not.toContain("ClickEvent_p1990_03");
    expect(first.skipped).toContain("ClickEvent_p1990_03");
    const parts = await listClickPartitions(getDb());
    expect(parts).not.toContain("ClickEvent_p1990_01");
    expect(parts).toEqual(
      expect.arrayContaining(["ClickEvent_p1990_03", "ClickEvent_p1990_05", "ClickEvent_p1990_06"]),
    );
    expect(await getDb().clickEvent.count({ where: { shareId: share.id } })).toBe(2);
    expect(await getDb().clickEvent.count({ where: { shareId: other.id } })).toBe(1);
    // Dashboards read the rollups: every number is what it was.
    expect(await stats(f.org.id)).toEqual(before);

    // Once the marker is rolled up (a day without clicks: nothing changes), the next run drops March.
    await rollUpEverything();
    const second = await maintainClickPartitions(getDb(), options);
    expect(second.dropped).toContain("ClickEvent_p1990_03");
    expect(second.skipped).not.toContain("ClickEvent_p1990_03");
    expect(await listClickPartitions(getDb())).toEqual(
      expect.arrayContaining(["ClickEvent_p1990_05", "ClickEvent_p1990_06"]),
    );
    expect(await stats(f.org.id)).toEqual(before);
    // A repair or a time-zone change (rebuildRollups) leaves the days of months past retention as
    // they are: a recount without their events would zero them.
    await rebuildRollups(getDb(), f.org.id);
    await rollUpEverything();
    const numbers = (rows: Awaited<ReturnType<typeof stats>>) =>
      rows.map((row) => ({ ...row, updatedAt: null })); // kept months are recounted: same numbers
    expect(numbers(await stats(f.org.id))).toEqual(numbers(before));
    expect(
      await getDb().clickMonthDropped.count({ where: { month: utc("1990-01-01T00:00:00") } }),
    ).toBe(1);
    // Clicks for a dropped month still insert (default partition).
    await insertClicks(f.org.id, [
      { shareId: share.id, at: utc("1990-01-11T00:00:00"), visitorKey: "z" },
    ]);
    expect(await where(share.id)).toEqual(
      expect.arrayContaining([{ part: `"ClickEvent_default"`, n: 1 }]),
    );
  });

  it("creates the current month and those ahead, and the job honours CLICK_RETENTION_MONTHS", async () => {
    const { f, share } = await setup();
    const now = new Date();
    const month = (offset: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    // 125 months back is older than 120; 114 months back is not (it would be with the default 13).
    const tooOld = month(-125);
    const kept = month(-114);
    await createClickPartition(getDb(), tooOld);
    await createClickPartition(getDb(), kept);
    await insertClicks(f.org.id, [
      { shareId: share.id, at: new Date(tooOld.getTime() + 86_400_000 * 3), visitorKey: "a" },
      { shareId: share.id, at: new Date(kept.getTime() + 86_400_000 * 3), visitorKey: "b" },
    ]);
    await rollUpEverything();
    const before = await stats(f.org.id);

    await clickPartitionsJob.handler({}, { id: "test", retryCount: 0, retryLimit: 0 });

    const parts = await listClickPartitions(getDb());
    expect(parts).not.toContain(partitionName(tooOld));
    expect(parts).toContain(partitionName(kept));
    for (const ahead of [0, 1, 2, 3]) expect(parts).toContain(partitionName(month(ahead)));
    expect(await stats(f.org.id)).toEqual(before);
  });
});
