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

  it("periods start on Monday, the 1st of the month and of the quarter, in the org's zone", () => {
    const now = new Date("2026-05-14T23:30:00Z"); // a Thursday; already 15 May in Berlin
    expect(periodStart("week", now, "UTC")).toBe("2026-05-11");
    expect(periodStart("month", now, "Europe/Berlin")).toBe("2026-05-01");
    expect(periodStart("quarter", now, "UTC")).toBe("2026-04-01");
    expect(periodStart("all", now, "UTC")).toBeNull();
    expect(periodStart("week", new Date("2026-05-17T12:00:00Z"), "UTC")).toBe("2026-05-11");
  });
});
