/**
 * The points ledger (README "How points work"): a share earns its points when it counts — own
 * words and variety weigh —, visits and outcomes are recounted by the rollup from its daily rows:
 * bots and repeat visits give nothing, the cap per share and day holds, outcomes count, a late
 * conversion recounts (never adds twice). Real PostgreSQL, the real rollup and click writer.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { addDays } from "@/lib/domains/analytics/day-range";
import { confirmShare } from "@/lib/domains/sharing/confirm-share";
import { recordShareCounted } from "@/lib/domains/recognition/record-share-counted";
import { writeClicks } from "@/lib/domains/tracking/click-writer";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, insertClicks, insertConversions } from "../../support/analytics";

const SETTINGS = {
  pointsPerShare: 10,
  pointsOwnWords: 10,
  pointsVariety: 15,
  pointsPerVisit: 2,
  visitPointsCap: 3,
  pointsPerConversion: 25,
};

let f: OrgFixture;
let member: Awaited<ReturnType<typeof addMember>>;
let pool: pg.Pool;
const items = new Map<ValueType, string>();

beforeAll(async () => {
  f = await createOrgFixture();
  await getDb().orgSettings.create({ data: { orgId: f.org.id, ...SETTINGS } });
  member = await addMember(f.org.id, "EMPLOYEE");
  for (const v of ["EDUCATION", "INSPIRATION", "INFORMATION"] as const) {
    items.set(v, (await createItem(f.org.id, { valueType: v })).id);
  }
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await pool?.end();
});

async function openedShare(valueType: ValueType, authenticity: number, createdAt: Date) {
  return getDb().share.create({
    data: {
      id: createId("shr"),
      orgId: f.org.id,
      itemId: items.get(valueType)!,
      membershipId: member.membership.id,
      userId: member.user.id,
      code: randomString(10),
      channel: "COPY",
      status: "OPENED",
      text: "text",
      language: "en",
      authenticity,
      destinationUrl: "https://example.com/",
      createdAt,
    },
  });
}

async function ledger(shareId: string) {
  const rows = await getDb().pointsAward.findMany({
    where: { shareId },
    select: { reason: true, points: true },
    orderBy: { reason: "asc" },
  });
  return Object.fromEntries(rows.map((r) => [r.reason, r.points]));
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe("points for a share", () => {
  it("nothing while OPENED; share + own words × authenticity + variety once it counts", async () => {
    const a = await openedShare("EDUCATION", 0.46, hoursAgo(30));
    expect(await ledger(a.id)).toEqual({});
    await recordShareCounted(a.id); // does not count yet: nothing
    expect(await ledger(a.id)).toEqual({});

    await confirmShare(accessFor(f.org, member), a.id);
    expect(await ledger(a.id)).toEqual({ SHARE: 10, OWN_WORDS: 5, VARIETY: 15 });

    // The same value type again within 30 days: no variety; a pasted caption: no own words.
    const b = await openedShare("EDUCATION", 0, hoursAgo(20));
    await confirmShare(accessFor(f.org, member), b.id);
    expect(await ledger(b.id)).toEqual({ SHARE: 10 });

    // Another value type, all own words.
    const c = await openedShare("INSPIRATION", 1, hoursAgo(10));
    await confirmShare(accessFor(f.org, member), c.id);
    expect(await ledger(c.id)).toEqual({ SHARE: 10, OWN_WORDS: 10, VARIETY: 15 });

    // Idempotent: confirming or recording again adds nothing, even at the same moment.
    await Promise.all([
      recordShareCounted(c.id),
      recordShareCounted(c.id),
      confirmShare(accessFor(f.org, member), c.id),
    ]);
    expect(await ledger(c.id)).toEqual({ SHARE: 10, OWN_WORDS: 10, VARIETY: 15 });
  });

  it("a share confirmed by a human click on its link gets its points at the next rollup", async () => {
    const d = await openedShare("INFORMATION", 0.5, hoursAgo(2));
    await writeClicks(pool, [
      {
        id: createId("clk"),
        shareId: d.id,
        at: Date.now() - 60_000,
        isBot: false,
        visitorKey: "human-1",
        device: "desktop",
        browser: "Chrome",
        referrerHost: null,
      },
    ]);
    await drainDirtyRollups(getDb());
    expect(await ledger(d.id)).toMatchObject({ SHARE: 10, OWN_WORDS: 5, VARIETY: 15 });
  });
});

describe("points for visits and outcomes (recounted by the rollup)", () => {
  it("bots and repeat visits give nothing, the cap per share and day holds, outcomes count", async () => {
    const e = await openedShare("EDUCATION", 0.2, hoursAgo(100));
    await confirmShare(accessFor(f.org, member), e.id);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
    const at = (min: number) => new Date(hour.getTime() + min * 60_000);
    // One visitor clicking ten times in an hour, twenty bot clicks: one unique visit → 2 points.
    await insertClicks(f.org.id, [
      ...Array.from({ length: 10 }, (_, i) => ({ shareId: e.id, at: at(i), visitorKey: "same" })),
      ...Array.from({ length: 20 }, (_, i) => ({
        shareId: e.id,
        at: at(i),
        visitorKey: `bot-${i}`,
        isBot: true,
      })),
    ]);
    await drainDirtyRollups(getDb());
    expect(await ledger(e.id)).toMatchObject({ VISITS: 2 });

    // Nine more different visitors the same day: 10 unique visits, capped at 3 → 6 points.
    await insertClicks(
      f.org.id,
      Array.from({ length: 9 }, (_, i) => ({ shareId: e.id, at: at(30), visitorKey: `v${i}` })),
    );
    await drainDirtyRollups(getDb());
    expect(await ledger(e.id)).toMatchObject({ VISITS: 6 });

    // Only bots on a share: no visit points at all.
    const g = await openedShare("INSPIRATION", 0.2, hoursAgo(90));
    await confirmShare(accessFor(f.org, member), g.id);
    await insertClicks(f.org.id, [{ shareId: g.id, at: at(5), visitorKey: "b", isBot: true }]);
    await drainDirtyRollups(getDb());
    expect((await ledger(g.id)).VISITS).toBeUndefined();

    // Outcomes: 2 → 50 points; a late third one recounts the day to 75 (not 50 + 75).
    await insertConversions(f.org.id, [
      { shareId: e.id, outcome: "SIGNUP", occurredAt: at(40) },
      { shareId: e.id, outcome: "LEAD", occurredAt: at(41) },
    ]);
    await drainDirtyRollups(getDb());
    expect(await ledger(e.id)).toMatchObject({ VISITS: 6, OUTCOMES: 50 });
    await insertConversions(f.org.id, [{ shareId: e.id, outcome: "HIRE", occurredAt: at(42) }]);
    await drainDirtyRollups(getDb());
    expect(await ledger(e.id)).toMatchObject({ VISITS: 6, OUTCOMES: 75 });
  });

  it("the dashboard's leaderboard shows the ledger's points", async () => {
    const total = await getDb().pointsAward.aggregate({
      where: { membershipId: member.membership.id },
      _sum: { points: true },
    });
    const today = new Date().toISOString().slice(0, 10);
    const b = await getBreakdowns({
      orgId: f.org.id,
      teamIds: null,
      range: { from: addDays(today, -30), to: addDays(today, 1) },
    });
    const row = b.leaderboard.find((r) => r.membershipId === member.membership.id);
    expect(row?.points).toBe(total._sum.points);
    expect(total._sum.points).toBeGreaterThan(100);
  });
});
