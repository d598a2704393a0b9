import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createRandom } from "@/prisma/seed/random";
import {
  drainDirtyRollups,
  processDirtyRollups,
  rebuildRollups,
} from "@/lib/domains/analytics/rollup";
import { requestRollup } from "@/lib/domains/analytics/request-rollup";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { cleanupVisitorSalts } from "@/lib/domains/tracking/cleanup-visitor-salts";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { CONVERSION_OUTCOMES } from "@/lib/domains/analytics/outcomes";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import {
  createItem,
  createShare,
  insertClicks,
  insertConversions,
  readRollups,
  recountFromRaw,
  sorted,
  type TestClick,
  type TestConversion,
} from "../../support/analytics";

const HOUR = 3_600_000;
let f: OrgFixture;
let shareIds: string[];

async function setTimeZone(orgId: string, timeZone: string) {
  await getDb().organization.update({ where: { id: orgId }, data: { timeZone } });
}

async function expectRollupsEqualRecount(orgId: string) {
  const [rollups, recount] = await Promise.all([readRollups(orgId), recountFromRaw(orgId)]);
  expect(sorted(rollups)).toEqual(sorted(recount));
  return recount;
}

beforeAll(async () => {
  f = await createOrgFixture();
  // New York: midnight local is 05:00 UTC in winter, so events either side land on different days.
  await setTimeZone(f.org.id, "America/New_York");
  await getDb().orgSettings.create({ data: { orgId: f.org.id, currency: "USD" } });
  const item = await createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR", "SALES"] });
  const shares = await Promise.all(
    [f.admin, f.manager, f.employee].map((m) =>
      createShare(f.org.id, item.id, m, { createdAt: new Date("2026-01-10T12:00:00Z") }),
    ),
  );
  shareIds = shares.map((s) => s.id);
});

afterAll(async () => {
  await stopJobs();
});

describe("processDirtyRollups", () => {
  it("equals a raw recount: bots, hours, days, a day boundary in the org's time zone, conversions", async () => {
    const random = createRandom(42);
    const base = Date.parse("2026-01-12T00:00:00Z");
    const clicks: TestClick[] = [];
    for (let i = 0; i < 600; i++) {
      clicks.push({
        shareId: random.pick(shareIds),
        // Three UTC days, any minute: crosses the New York midnight (05:00 UTC) each day.
        at: new Date(base + random.int(0, 3 * 24 * 60 - 1) * 60_000),
        isBot: random.chance(0.1),
        visitorKey: `v${random.int(1, 40)}`,
      });
    }
    // Either side of New York midnight, same visitor: two days, one visit each.
    clicks.push(
      { shareId: shareIds[0]!, at: new Date("2026-01-13T04:59:59.999Z"), visitorKey: "edge" },
      { shareId: shareIds[0]!, at: new Date("2026-01-13T05:00:00.000Z"), visitorKey: "edge" },
    );
    await insertClicks(f.org.id, clicks);
    const conversions: TestConversion[] = [];
    for (let i = 0; i < 60; i++) {
      conversions.push({
        shareId: random.pick(shareIds),
        outcome: random.pick(CONVERSION_OUTCOMES) as ConversionOutcome,
        occurredAt: new Date(base + random.int(0, 3 * 24 * 60 - 1) * 60_000),
        value: random.chance(0.5) ? random.int(1, 50_000) / 100 : null,
        // USD counts (the org currency, any case, or none); EUR is left out of the value.
        currency: random.pick(["USD", "usd", null, "EUR"]),
      });
    }
    await insertConversions(f.org.id, conversions);

    const processed = await drainDirtyRollups(getDb(), { limit: 5 });
    expect(processed).toBeGreaterThan(5);
    expect(await getDb().rollupDirty.count()).toBe(0);
    const recount = await expectRollupsEqualRecount(f.org.id);
    const edge = [...recount.values()].filter((r) => r.shareId === shareIds[0]);
    expect(edge.map((r) => r.day)).toContain("2026-01-12");
    expect(edge.map((r) => r.day)).toContain("2026-01-13");
    const total = [...recount.values()].reduce((n, r) => n + r.clicks, 0);
    expect(total).toBe(602);
    const stats = await getDb().shareDailyStats.findFirstOrThrow({ where: { orgId: f.org.id } });
    expect(stats.membershipId).toBeTruthy();
    expect(stats.itemId).toBeTruthy();
  });

  it("a late event for a day already rolled up is counted on its own day", async () => {
    const before = await readRollups(f.org.id);
    const key = `${shareIds[1]}|2026-01-12`;
    const late = new Date("2026-01-12T15:30:00Z");
    await insertClicks(f.org.id, [{ shareId: shareIds[1]!, at: late, visitorKey: "late-visitor" }]);
    await insertConversions(f.org.id, [
      { shareId: shareIds[1]!, outcome: "HIRE", occurredAt: late, value: 1000, currency: "USD" },
    ]);
    expect(await getDb().rollupDirty.count()).toBe(1);
    await processDirtyRollups(getDb());
    const after = await expectRollupsEqualRecount(f.org.id);
    expect(after.get(key)!.clicks).toBe((before.get(key)?.clicks ?? 0) + 1);
    expect(after.get(key)!.uniqueVisits).toBe((before.get(key)?.uniqueVisits ?? 0) + 1);
    expect(after.get(key)!.byOutcome.HIRE).toBe((before.get(key)?.byOutcome.HIRE ?? 0) + 1);
  });

  it("a repair (recount of clicks) removes a day whose events are gone", async () => {
    const db = getDb();
    await db.clickEvent.deleteMany({ where: { shareId: shareIds[2] } });
    await db.conversion.deleteMany({ where: { shareId: shareIds[2] } });
    await db.$executeRaw`
      INSERT INTO "RollupDirty" ("shareId", "day", "recountClicks")
      SELECT "shareId", "day", true FROM "ShareDailyStats" WHERE "shareId" = ${shareIds[2]}`;
    const { deleted } = await processDirtyRollups(db);
    expect(deleted).toBeGreaterThan(0);
    expect(await db.shareDailyStats.count({ where: { shareId: shareIds[2] } })).toBe(0);
    await expectRollupsEqualRecount(f.org.id);
  });

  it("two instances at once split the markers and still equal the recount", async () => {
    const random = createRandom(7);
    const clicks: TestClick[] = Array.from({ length: 400 }, () => ({
      shareId: random.pick(shareIds),
      at: new Date(Date.parse("2026-01-20T00:00:00Z") + random.int(0, 10 * 24) * HOUR),
      isBot: random.chance(0.05),
      visitorKey: `w${random.int(1, 30)}`,
    }));
    await insertClicks(f.org.id, clicks);
    const results = await Promise.all([
      processDirtyRollups(getDb(), { limit: 1000 }),
      processDirtyRollups(getDb(), { limit: 1000 }),
      drainDirtyRollups(getDb(), { limit: 3 }),
    ]);
    expect(results[0].processed + results[1].processed + results[2]).toBeGreaterThan(10);
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
  });

  it("events written while a rollup runs are never lost", async () => {
    const random = createRandom(99);
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 10; i++) {
          await insertClicks(
            f.org.id,
            Array.from({ length: 20 }, () => ({
              shareId: random.pick(shareIds),
              at: new Date(Date.parse("2026-01-25T00:00:00Z") + random.int(0, 48) * HOUR),
              visitorKey: `c${w}-${random.int(1, 10)}`,
            })),
          );
        }
      })(),
    );
    let stop = false;
    const roller = (async () => {
      while (!stop) await processDirtyRollups(getDb(), { limit: 2 });
    })();
    await Promise.all(writers);
    stop = true;
    await roller;
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
  });

  it("rebuildRollups recounts every day after a time-zone change", async () => {
    await setTimeZone(f.org.id, "Asia/Tokyo");
    const marked = await rebuildRollups(getDb(), f.org.id);
    expect(marked).toBeGreaterThan(0);
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
    await setTimeZone(f.org.id, "America/New_York");
    await rebuildRollups(getDb(), f.org.id);
    await drainDirtyRollups(getDb());
    await expectRollupsEqualRecount(f.org.id);
  });
});

describe("the rollup job", () => {
  it("picks up new events after requestRollup", async () => {
    await startJobs();
    const share = shareIds[0]!;
    const at = new Date("2026-02-02T12:00:00Z");
    await insertClicks(f.org.id, [
      { shareId: share, at, visitorKey: "job-a" },
      { shareId: share, at, visitorKey: "job-b" },
      { shareId: share, at, visitorKey: "job-bot", isBot: true },
    ]);
    await requestRollup();
    const deadline = Date.now() + 20_000;
    let row = null;
    while (Date.now() < deadline) {
      row = await getDb().shareDailyStats.findUnique({
        where: { shareId_day: { shareId: share, day: new Date("2026-02-02T00:00:00Z") } },
      });
      if (row) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(row).toMatchObject({ clicks: 3, humanClicks: 2, uniqueVisits: 2 });
    await stopJobs();
    await expectRollupsEqualRecount(f.org.id);
  });
});

describe("visitor salt cleanup", () => {
  it("forgets salts older than two days and keeps the recent ones", async () => {
    const db = getDb();
    const now = new Date("2027-03-10T12:00:00Z");
    await db.visitorSalt.createMany({
      data: [
        { day: "2027-03-07", salt: "old", createdAt: new Date("2027-03-07T00:00:00Z") },
        { day: "2027-03-09", salt: "yesterday", createdAt: new Date("2027-03-09T00:00:00Z") },
        { day: "2027-03-10", salt: "today", createdAt: new Date("2027-03-10T00:00:00Z") },
      ],
    });
    // Other tests' real salts (created today) are older than this `now` too, so count at least 1.
    expect(await cleanupVisitorSalts(db, now)).toBeGreaterThanOrEqual(1);
    const left = await db.visitorSalt.findMany({ where: { day: { startsWith: "2027-03" } } });
    expect(left.map((s) => s.salt).sort()).toEqual(["today", "yesterday"]);
  });
});
