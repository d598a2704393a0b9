/**
 * The click writer counts clicks into the daily rollups as it writes them (no recount of the day):
 * the counts always equal a recount from the raw events — under concurrent writers, replays, a
 * concurrent rollup of conversions and a concurrent repair (recount of clicks) — and the rollup
 * job never re-reads a day's clicks unless asked to.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { createRandom } from "@/prisma/seed/random";
import {
  drainDirtyRollups,
  processDirtyRollups,
  rebuildRollups,
} from "@/lib/domains/analytics/rollup";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { LATE_CLICK_DAYS, writeClicks } from "@/lib/domains/tracking/click-writer";
import { cleanupShareVisits, SHARE_VISIT_DAYS } from "@/lib/domains/tracking/cleanup-share-visits";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import {
  createItem,
  createShare,
  insertConversions,
  readRollups,
  recountFromRaw,
  sorted,
} from "../../support/analytics";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let f: OrgFixture;
let shareIds: string[];
let pool: pg.Pool;

async function expectRollupsEqualRecount(orgId: string) {
  const [rollups, recount] = await Promise.all([readRollups(orgId), recountFromRaw(orgId)]);
  expect(sorted(rollups)).toEqual(sorted(recount));
  return recount;
}

function click(shareId: string, at: number, visitorKey: string, isBot = false): ClickEvent {
  return {
    id: createId("clk"),
    shareId,
    at,
    isBot,
    visitorKey,
    device: isBot ? "bot" : "desktop",
    browser: "Chrome",
    referrerHost: null,
  };
}

async function stats(shareId: string) {
  return getDb().shareDailyStats.findMany({
    where: { shareId },
    orderBy: { day: "asc" },
    select: { day: true, clicks: true, humanClicks: true, uniqueVisits: true },
  });
}

beforeAll(async () => {
  f = await createOrgFixture();
  // Kolkata (UTC+05:30): an hour bucket straddles two local days, the hardest case for the set.
  await getDb().organization.update({
    where: { id: f.org.id },
    data: { timeZone: "Asia/Kolkata" },
  });
  const item = await createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR"] });
  const shares = await Promise.all(
    [f.admin, f.manager, f.employee].map((m) => createShare(f.org.id, item.id, m)),
  );
  shareIds = shares.map((s) => s.id);
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
});

afterAll(async () => {
  await pool.end();
});

describe("clicks counted as they are written", () => {
  it("concurrent writers, repeat visitors, bots, a day boundary and replays equal a recount", async () => {
    const random = createRandom(11);
    const base = Date.now() - 3 * DAY;
    const batches = Array.from({ length: 24 }, () =>
      Array.from({ length: 40 }, () =>
        click(
          random.pick(shareIds),
          base + random.int(0, 60 * 60) * 60_000, // 60 hours, minute steps
          `v${random.int(1, 25)}`,
          random.chance(0.1),
        ),
      ),
    );
    // Eight writers at once; every third batch is written twice (a replay after an unknown outcome).
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < batches.length; i += 8) {
          await writeClicks(pool, batches[i]!);
          if (i % 3 === 0) expect(await writeClicks(pool, batches[i]!)).toBe(0);
        }
      }),
    );
    // The rows are right before any rollup run: the writer counted them.
    const beforeRollup = await readRollups(f.org.id);
    const recount = await recountFromRaw(f.org.id);
    for (const [key, row] of recount) {
      const got = beforeRollup.get(key);
      expect(got && [got.clicks, got.humanClicks, got.uniqueVisits]).toEqual([
        row.clicks,
        row.humanClicks,
        row.uniqueVisits,
      ]);
    }
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
  });

  it("the rollup job does not re-read a day's clicks: events gone from ClickEvent stay counted", async () => {
    const shareId = shareIds[0]!;
    const at = Date.now() - 2 * HOUR;
    await writeClicks(pool, [click(shareId, at, "gone-1"), click(shareId, at, "gone-2")]);
    await drainDirtyRollups(getDb());
    const before = await stats(shareId);
    // As after a retention drop of old partitions: the events are gone, the rollups stay.
    await getDb().clickEvent.deleteMany({
      where: { shareId, visitorKey: { startsWith: "gone-" } },
    });
    await writeClicks(pool, [click(shareId, at + 1000, "gone-3")]);
    await drainDirtyRollups(getDb());
    const after = await stats(shareId);
    // The day of `at` (not the newest row: two hours ago may be yesterday, and today has rows).
    const [atRow] = await getDb().$queryRaw<{ day: Date }[]>`
      SELECT (to_timestamp(${at} / 1000.0) AT TIME ZONE o."timeZone")::date AS "day"
      FROM "Organization" o WHERE o."id" = ${f.org.id}`;
    const day = (rows: typeof before) =>
      rows.find((r) => r.day.getTime() === atRow!.day.getTime())!;
    expect(day(after).clicks).toBe(day(before).clicks + 1);
    expect(day(after).uniqueVisits).toBe(day(before).uniqueVisits + 1);
  });

  it("a repair (rebuildRollups) while writers write: nothing lost, nothing counted twice", async () => {
    const random = createRandom(5);
    const base = Date.now() - 30 * HOUR;
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 15; i++) {
        await writeClicks(
          pool,
          Array.from({ length: 25 }, () =>
            click(
              random.pick(shareIds),
              base + random.int(0, 30 * 60) * 60_000,
              `r${w}-${random.int(1, 12)}`,
              random.chance(0.05),
            ),
          ),
        );
      }
    });
    const repairs = (async () => {
      while (!stop) {
        await rebuildRollups(getDb(), f.org.id);
        await processDirtyRollups(getDb(), { limit: 7 });
      }
    })();
    const conversions = insertConversions(
      f.org.id,
      shareIds.map((shareId) => ({
        shareId,
        outcome: "SIGNUP" as const,
        occurredAt: new Date(base),
      })),
    );
    await Promise.all([...writers, conversions]);
    stop = true;
    await repairs;
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
  });

  it(`clicks more than ${LATE_CLICK_DAYS} days late are recounted, not added`, async () => {
    const shareId = shareIds[1]!;
    // A unique visit is a visitor in an hour: both clicks inside one hour (CI once ran this in
    // the last minute of an hour and counted two visits).
    const late = Math.floor((Date.now() - (LATE_CLICK_DAYS + 5) * DAY) / HOUR) * HOUR + 10 * 60_000;
    await writeClicks(pool, [
      click(shareId, late, "late-1"),
      click(shareId, late + 60_000, "late-1"),
    ]);
    const marker = await getDb().rollupDirty.findMany({ where: { shareId, recountClicks: true } });
    expect(marker).toHaveLength(1);
    await drainDirtyRollups(getDb());
    const row = (await stats(shareId)).find((r) => r.day.getTime() === marker[0]!.day.getTime());
    expect(row).toMatchObject({ clicks: 2, humanClicks: 2, uniqueVisits: 1 });
    await expectRollupsEqualRecount(f.org.id);
  });
});

describe("cleanupShareVisits", () => {
  it("deletes the visit sets of days past SHARE_VISIT_DAYS, in chunks, and keeps the rollups", async () => {
    const shareId = shareIds[2]!;
    const db = getDb();
    const now = new Date();
    const old = new Date(now.getTime() - (SHARE_VISIT_DAYS + 2) * DAY);
    const recent = new Date(now.getTime() - (SHARE_VISIT_DAYS - 2) * DAY);
    const rows = (day: Date, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        shareId,
        day: new Date(day.toISOString().slice(0, 10)),
        hour: i,
        visitorKey: `old-${i}`,
      }));
    await db.shareVisit.createMany({ data: [...rows(old, 7), ...rows(recent, 3)] });
    const before = await readRollups(f.org.id);
    // Other files' old visits on this database go too: at least ours, in chunks of 3.
    expect(await cleanupShareVisits(db, now, { chunk: 3 })).toBeGreaterThanOrEqual(7);
    const left = await db.shareVisit.findMany({
      where: { shareId, visitorKey: { startsWith: "old-" } },
    });
    expect(left.map((v) => v.day.toISOString().slice(0, 10))).toEqual(
      Array(3).fill(recent.toISOString().slice(0, 10)),
    );
    expect(sorted(await readRollups(f.org.id))).toEqual(sorted(before));
  });
});

describe("recounts and retention", () => {
  it("a recount asked for a day of a month whose events the retention job dropped keeps its clicks", async () => {
    const shareId = shareIds[0]!;
    const db = getDb();
    // Two years ago: that month's click events are gone (the retention job dropped them).
    const day = new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 15));
    const share = await db.share.findUniqueOrThrow({ where: { id: shareId } });
    await db.shareDailyStats.create({
      data: {
        shareId,
        day,
        orgId: share.orgId,
        itemId: share.itemId,
        membershipId: share.membershipId,
        clicks: 500,
        humanClicks: 480,
        uniqueVisits: 300,
      },
    });
    // The retention job dropped that month's partition (and recorded it).
    await db.clickMonthDropped.create({
      data: { month: new Date(Date.UTC(day.getUTCFullYear(), 0, 1)) },
    });
    // A click that late (a very old spool, a wrong clock) asks for a recount of its day.
    await db.rollupDirty.create({ data: { shareId, day, recountClicks: true } });
    await drainDirtyRollups(db);
    expect(
      await db.shareDailyStats.findUniqueOrThrow({
        where: { shareId_day: { shareId, day } },
        select: { clicks: true, humanClicks: true, uniqueVisits: true },
      }),
    ).toEqual({ clicks: 500, humanClicks: 480, uniqueVisits: 300 });
  });
});
