/**
 * Leaderboards employees see: the top 10 of the organisation or of one of their teams for a
 * period, plus their own points and rank. Opted-out people are in nobody's ranking but see their
 * own standing; admins can switch leaderboards off; another organisation's points never count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { getLeaderboard } from "@/lib/domains/recognition/get-leaderboard";
import { periodStart } from "@/lib/domains/recognition/leaderboard-period";
import { setLeaderboardOptOut } from "@/lib/domains/recognition/set-leaderboard-opt-out";
import { updateAnalyticsSettings } from "@/lib/domains/settings/update-analytics-settings";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTeam,
  type OrgFixture,
} from "../../support/factories";
import { createItem, createShare } from "../../support/analytics";

type Member = Awaited<ReturnType<typeof addMember>>;
let f: OrgFixture;
let other: OrgFixture;
let people: Member[];
let itemId: string;
const shareOf = new Map<string, string>();

/** Points for a member on a day, straight into the ledger (how they are earned is tested apart). */
async function give(orgId: string, m: Member, points: number, day: string, item = itemId) {
  let shareId = shareOf.get(m.membership.id);
  if (!shareId) {
    shareId = (await createShare(orgId, item, m)).id;
    shareOf.set(m.membership.id, shareId);
  }
  await getDb().pointsAward.create({
    data: {
      id: createId("shr").replace("shr", "pts"),
      orgId,
      membershipId: m.membership.id,
      shareId,
      reason: "VISITS",
      day: new Date(`${day}T00:00:00Z`),
      points,
    },
  });
}

const today = new Date().toISOString().slice(0, 10);
const longAgo = "2020-01-15";

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  itemId = (await createItem(f.org.id)).id;
  people = [];
  // Twelve people: 120, 110, … 10 points today; the 3rd and 4th tie at 100.
  for (let i = 0; i < 12; i++) {
    const m = await addMember(f.org.id, "EMPLOYEE", { teamIds: i % 2 ? [f.teamA.id] : [] });
    people.push(m);
    await give(f.org.id, m, i === 3 ? 100 : 120 - i * 10, today);
  }
  // Old points: only in "all time".
  await give(f.org.id, people[11]!, 500, longAgo);
  // The other organisation: huge points that must never appear.
  const otherItem = await createItem(other.org.id);
  await give(other.org.id, other.employee, 10_000, today, otherItem.id);
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const byMonthThenPerson = (x: (string | number)[], y: (string | number)[]) =>
  String(x[1]).localeCompare(String(y[1])) || String(x[0]).localeCompare(String(y[0]));

const names = (rows: { membershipId: string }[]) => rows.map((r) => r.membershipId);

describe("leaderboard", () => {
  it("top 10 of the organisation this month, ties share a rank, and my own rank outside it", async () => {
    const viewer = people[11]!; // 10 points this month: 12th
    const board = await getLeaderboard(accessFor(f.org, viewer), { period: "month" });
    expect(board.enabled).toBe(true);
    expect(board.top).toHaveLength(10);
    expect(board.top.map((r) => r.points)).toEqual([120, 110, 100, 100, 80, 70, 60, 50, 40, 30]);
    expect(board.top.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5, 6, 7, 8, 9, 10]);
    expect(board.me).toEqual({ points: 10, rank: 12, optedOut: false, ranked: 12 });
    // Tenant isolation: nobody of the other organisation, whatever their points.
    expect(names(board.top)).not.toContain(other.employee.membership.id);

    const all = await getLeaderboard(accessFor(f.org, viewer), { period: "all" });
    expect(all.top[0]).toMatchObject({ membershipId: viewer.membership.id, points: 510, rank: 1 });
    expect(all.me.rank).toBe(1);
  });

  it("an opted-out person is in nobody's ranking but sees their points and where they would stand", async () => {
    const leader = people[0]!;
    await setLeaderboardOptOut(accessFor(f.org, leader), true);
    try {
      const seenByOthers = await getLeaderboard(accessFor(f.org, people[5]!), { period: "month" });
      expect(names(seenByOthers.top)).not.toContain(leader.membership.id);
      expect(seenByOthers.top[0]!.points).toBe(110);
      expect(seenByOthers.me.ranked).toBe(11);

      const own = await getLeaderboard(accessFor(f.org, leader), { period: "month" });
      expect(names(own.top)).not.toContain(leader.membership.id);
      expect(own.me).toEqual({ points: 120, rank: 1, optedOut: true, ranked: 11 });
    } finally {
      await setLeaderboardOptOut(accessFor(f.org, leader), false);
    }
  });

  it("my team's ranking holds only its members; a team I am not in answers 404", async () => {
    const viewer = people[1]!; // in team A (odd indexes)
    const board = await getLeaderboard(accessFor(f.org, viewer), {
      period: "month",
      teamId: f.teamA.id,
    });
    const teamA = new Set(people.filter((_, i) => i % 2).map((p) => p.membership.id));
    expect(board.top.length).toBeGreaterThan(0);
    for (const row of board.top) expect(teamA.has(row.membershipId)).toBe(true);
    expect(board.me.rank).toBe(1);

    const notMine = await createTeam(f.org.id);
    await expect(
      getLeaderboard(accessFor(f.org, viewer), { period: "month", teamId: notMine.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getLeaderboard(accessFor(f.org, viewer), { period: "month", teamId: other.teamA.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("admins can switch leaderboards off: nobody is ranked, everyone keeps their points", async () => {
    const admin = accessFor(f.org, f.admin);
    await updateAnalyticsSettings(admin, { leaderboardsEnabled: false });
    try {
      const board = await getLeaderboard(accessFor(f.org, people[2]!), { period: "month" });
      expect(board.enabled).toBe(false);
      expect(board.top).toEqual([]);
      expect(board.me).toMatchObject({ points: 100, rank: null });
    } finally {
      await updateAnalyticsSettings(admin, { leaderboardsEnabled: true });
    }
  });

  it("the monthly totals follow every change of the ledger (insert, upsert, move, delete, cascade)", async () => {
    const db = getDb();
    const g = await createOrgFixture();
    const item = (await createItem(g.org.id)).id;
    const [a, b] = [await addMember(g.org.id, "EMPLOYEE"), await addMember(g.org.id, "EMPLOYEE")];
    const shareA = (await createShare(g.org.id, item, a)).id;
    const shareB = (await createShare(g.org.id, item, b)).id;
    const row = (shareId: string, m: Member, day: string, points: number) => ({
      id: createId("shr").replace("shr", "pts"),
      orgId: g.org.id,
      membershipId: m.membership.id,
      shareId,
      reason: "VISITS" as const,
      day: new Date(`${day}T00:00:00Z`),
      points,
    });
    const monthly = async () =>
      (
        await db.pointsMonthly.findMany({
          where: { orgId: g.org.id },
          orderBy: [{ month: "asc" }, { membershipId: "asc" }],
        })
      )
        .map((r) => [r.membershipId === a.membership.id ? "a" : "b", iso(r.month), r.points])
        // by label, not by the random membership ids (the order flipped with the ids: flaky)
        .sort(byMonthThenPerson);
    const ledger = async () =>
      (
        await db.$queryRaw<{ m: string; month: Date; points: number }[]>`
          SELECT "membershipId" AS m, date_trunc('month', "day")::date AS month,
            SUM("points")::int AS points
          FROM "PointsAward" WHERE "orgId" = ${g.org.id}
          GROUP BY 1, 2 HAVING SUM("points") <> 0 ORDER BY 2, 1`
      )
        .map((r) => [r.m === a.membership.id ? "a" : "b", iso(r.month), r.points])
        .sort(byMonthThenPerson);

    // Several rows in one statement, two months, two people.
    await db.pointsAward.createMany({
      data: [
        row(shareA, a, "2026-03-02", 5),
        row(shareA, a, "2026-03-20", 7),
        row(shareA, a, "2026-04-01", 3),
        row(shareB, b, "2026-03-05", 4),
      ],
    });
    expect(await monthly()).toEqual(
      [
        ["a", "2026-03-01", 12],
        ["b", "2026-03-01", 4],
        ["a", "2026-04-01", 3],
      ].sort(byMonthThenPerson),
    );
    // The rollup's upsert: points change, and a row moves to another person and month.
    await db.$executeRaw`
      UPDATE "PointsAward" SET "points" = 10 WHERE "shareId" = ${shareA} AND "day" = '2026-03-02'`;
    await db.$executeRaw`
      UPDATE "PointsAward" SET "membershipId" = ${b.membership.id}, "day" = '2026-04-09'
      WHERE "shareId" = ${shareA} AND "day" = '2026-04-01'`;
    expect(await monthly()).toEqual(await ledger());
    expect(await monthly()).toContainEqual(["a", "2026-03-01", 17]);
    expect(await monthly()).toContainEqual(["b", "2026-04-01", 3]);
    // A month that empties leaves no row; a deleted share takes its points out.
    await db.pointsAward.deleteMany({ where: { shareId: shareB } });
    expect(await monthly()).toEqual(await ledger());
    expect((await monthly()).filter(([, month]) => month === "2026-03-01")).toEqual([
      ["a", "2026-03-01", 17],
    ]);
    // Concurrent writers: the totals still equal the ledger's sums.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.pointsAward.create({
          data: row(shareA, a, `2026-05-${String(i + 1).padStart(2, "0")}`, i + 1),
        }),
      ),
    );
    expect(await monthly()).toContainEqual(["a", "2026-05-01", 36]);
    expect(await monthly()).toEqual(await ledger());
    // A membership removed: its ledger rows cascade away, and its totals with them.
    await db.membership.delete({ where: { id: a.membership.id } });
    expect(await monthly()).toEqual(await ledger());
    expect((await monthly()).some(([who]) => who === "a")).toBe(false);
  });

  it("periods start on Monday, the 1st of the month and of the quarter, in the org's zone", () => {
    const now = new Date("2026-05-14T23:30:00Z"); // a Thursday; already 15 May in Berlin
    expect(periodStart("week", now, "UTC")).toBe("2026-05-11");
    expect(periodStart("month", now, "Europe/Berlin")).toBe("2026-05-01");
    expect(periodStart("quarter", now, "UTC")).toBe("2026-04-01");
    expect(periodStart("all", now, "UTC")).toBeNull();
    expect(periodStart("week", new Date("2026-05-17T12:00:00Z"), "UTC")).toBe("2026-05-11");
  });
});
