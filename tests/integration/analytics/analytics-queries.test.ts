import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createRandom } from "@/prisma/seed/random";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { CONVERSION_OUTCOMES, OUTCOME_AREA } from "@/lib/domains/analytics/outcomes";
import { countUniqueVisits } from "@/tests/support/unique-visits";
import { earnedMediaValue, estimatedImpressions } from "@/lib/domains/analytics/emv";
import { advocatePoints } from "@/lib/domains/analytics/points";
import { addDays, daysIn } from "@/lib/domains/analytics/day-range";
import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";
import type { AnalyticsScope, DayRange, Kpis } from "@/lib/domains/analytics/types";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/core/errors/app-error";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTeam,
  type OrgFixture,
} from "../../support/factories";
import { createItem, createShare, insertClicks, insertConversions } from "../../support/analytics";

const TZ = "Europe/Berlin";
const FIRST_DAY = "2026-03-20"; // crosses Berlin's switch to summer time on 29 March
const SETTINGS = {
  cpm: 12,
  cpc: 0.5,
  reachRate: 0.2,
  defaultNetworkSize: 300,
  pointsPerShare: 5,
  pointsPerClick: 2,
  pointsPerConversion: 30,
};
const RANGE: DayRange = { from: "2026-03-30", to: "2026-04-08" };
const PREVIOUS: DayRange = { from: "2026-03-20", to: "2026-03-29" };

let f: OrgFixture;
let other: OrgFixture;
let extra: {
  alpha: Awaited<ReturnType<typeof addMember>>;
  beta: Awaited<ReturnType<typeof addMember>>;
};

const localInstant = (day: string, minutes: number) =>
  new Date(zonedLocalToDate(`${day}T00:00`, TZ)!.getTime() + minutes * 60_000);

beforeAll(async () => {
  const db = getDb();
  f = await createOrgFixture();
  other = await createOrgFixture();
  await db.organization.update({ where: { id: f.org.id }, data: { timeZone: TZ } });
  await db.orgSettings.create({ data: { orgId: f.org.id, currency: "EUR", ...SETTINGS } });
  extra = {
    alpha: await addMember(f.org.id, "EMPLOYEE", { teamIds: [f.teamA.id] }),
    beta: await addMember(f.org.id, "EMPLOYEE", { teamIds: [f.teamB.id, f.teamA.id] }),
  };
  const people = [f.admin, f.manager, f.employee, extra.alpha, extra.beta];
  const items = await Promise.all([
    createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR"] }),
    createItem(f.org.id, { valueType: "INSPIRATION", goals: ["SALES", "MARKETING"] }),
    createItem(f.org.id, { valueType: "INFORMATION", goals: ["MARKETING"] }),
  ]);
  const random = createRandom(2026);
  const shares: { id: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const day = addDays(FIRST_DAY, random.int(0, 19));
    shares.push(
      await createShare(f.org.id, random.pick(items).id, random.pick(people), {
        createdAt: localInstant(day, random.int(0, 24 * 60 - 1)),
        networkSize: random.chance(0.5) ? random.int(50, 3000) : null,
        impressions: random.chance(0.2) ? random.int(0, 5000) : null,
        authenticity: random.int(0, 100) / 100,
        status: random.pick(["SHARED", "SHARED", "POSTED", "SCHEDULED"] as const),
      }),
    );
  }
  // Shares exactly at the edges of the range (Berlin midnight).
  shares.push(
    await createShare(f.org.id, items[0]!.id, f.employee, {
      createdAt: localInstant(RANGE.from, 0),
    }),
    await createShare(f.org.id, items[1]!.id, f.manager, {
      createdAt: new Date(localInstant(RANGE.from, 0).getTime() - 1),
    }),
  );
  // The other organisation has activity too, which must never show up.
  const otherItem = await createItem(other.org.id);
  const otherShare = await createShare(other.org.id, otherItem.id, other.employee, {
    createdAt: localInstant("2026-04-01", 600),
  });
  await insertClicks(other.org.id, [
    { shareId: otherShare.id, at: localInstant("2026-04-01", 700), visitorKey: "o" },
  ]);

  const clicks = Array.from({ length: 1500 }, () => ({
    shareId: random.pick(shares).id,
    at: localInstant(addDays(FIRST_DAY, random.int(0, 19)), random.int(0, 24 * 60 - 1)),
    isBot: random.chance(0.08),
    visitorKey: `v${random.int(1, 60)}`,
  }));
  await insertClicks(f.org.id, clicks);
  await insertConversions(
    f.org.id,
    Array.from({ length: 120 }, () => ({
      shareId: random.pick(shares).id,
      outcome: random.pick(CONVERSION_OUTCOMES) as ConversionOutcome,
      occurredAt: localInstant(addDays(FIRST_DAY, random.int(0, 19)), random.int(0, 24 * 60 - 1)),
      value: random.chance(0.6) ? random.int(100, 99_999) / 100 : null,
      currency: random.pick(["EUR", null, "USD"]),
    })),
  );
  await drainDirtyRollups(getDb());
});

/** Everything recounted from raw Share, ClickEvent and Conversion rows in JavaScript. */
async function rawFacts(orgId: string) {
  const db = getDb();
  const [shares, clicks, conversions, members, teamMembers, items] = await Promise.all([
    db.share.findMany({ where: { orgId } }),
    db.clickEvent.findMany({ where: { orgId } }),
    db.conversion.findMany({ where: { orgId } }),
    db.membership.findMany({ where: { orgId }, include: { user: true } }),
    db.teamMember.findMany({ where: { orgId } }),
    db.contentItem.findMany({ where: { orgId } }),
  ]);
  const shareById = new Map(shares.map((s) => [s.id, s]));
  return { shares, clicks, conversions, members, teamMembers, items, shareById };
}

type Facts = Awaited<ReturnType<typeof rawFacts>>;

function inScopeMembers(facts: Facts, scope: AnalyticsScope): Set<string> {
  if (scope.teamIds === null) return new Set(facts.members.map((m) => m.id));
  return new Set(
    facts.teamMembers.filter((t) => scope.teamIds!.includes(t.teamId)).map((t) => t.membershipId),
  );
}

function expectedKpis(facts: Facts, scope: AnalyticsScope, range: DayRange): Kpis {
  const members = inScopeMembers(facts, scope);
  const inRange = (day: string) => day >= range.from && day <= range.to;
  const shares = facts.shares.filter(
    (s) =>
      members.has(s.membershipId) &&
      (s.status === "SHARED" || s.status === "POSTED") &&
      inRange(zonedDateKey(s.createdAt, TZ)),
  );
  const clicks = facts.clicks.filter(
    (c) =>
      members.has(facts.shareById.get(c.shareId)!.membershipId) && inRange(zonedDateKey(c.at, TZ)),
  );
  const conversions = facts.conversions.filter(
    (c) =>
      members.has(facts.shareById.get(c.shareId)!.membershipId) &&
      inRange(zonedDateKey(c.occurredAt, TZ)),
  );
  // Unique visits: per share and day (the rollup's unit), summed.
  const perShareDay = new Map<string, typeof clicks>();
  for (const c of clicks) {
    const key = `${c.shareId}|${zonedDateKey(c.at, TZ)}`;
    perShareDay.set(key, [...(perShareDay.get(key) ?? []), c]);
  }
  const uniqueVisits = [...perShareDay.values()].reduce((n, l) => n + countUniqueVisits(l), 0);
  const reach = shares.map((s) => estimatedImpressions(s, SETTINGS));
  const estimatedReach = reach.reduce((n, r) => n + r.value, 0);
  const humanClicks = clicks.filter((c) => !c.isBot).length;
  const byOutcome = Object.fromEntries(
    CONVERSION_OUTCOMES.map((o) => [o, 0]),
  ) as Kpis["conversionsByOutcome"];
  const byArea = { MARKETING: 0, HR: 0, SALES: 0 };
  let value = 0;
  for (const c of conversions) {
    byOutcome[c.outcome] += 1;
    byArea[OUTCOME_AREA[c.outcome]] += 1;
    if (c.value !== null && (c.currency === null || c.currency === "EUR")) value += Number(c.value);
  }
  const eligible = facts.members.filter((m) => m.status === "ACTIVE" && members.has(m.id)).length;
  return {
    activeAdvocates: new Set(shares.map((s) => s.membershipId)).size,
    eligibleAdvocates: eligible,
    shares: shares.length,
    humanClicks,
    botClicks: clicks.length - humanClicks,
    uniqueVisits,
    estimatedReach,
    reachIsEstimate: reach.some((r) => r.isEstimate),
    emv: earnedMediaValue({ impressions: estimatedReach, clicks: humanClicks }, SETTINGS),
    conversions: conversions.length,
    conversionsByArea: byArea,
    conversionsByOutcome: byOutcome,
    conversionValue: Math.round(value * 100) / 100,
    authenticityAverage: shares.length
      ? shares.reduce((n, s) => n + s.authenticity, 0) / shares.length
      : null,
  };
}

function expectKpis(actual: Kpis, expected: Kpis) {
  const { authenticityAverage: a, ...rest } = actual;
  const { authenticityAverage: e, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
  if (e === null) expect(a).toBeNull();
  else expect(a).toBeCloseTo(e, 10);
}

describe("getOverview equals a raw recount", () => {
  it("for the whole organisation, the range and the previous range", async () => {
    const facts = await rawFacts(f.org.id);
    const scope = { orgId: f.org.id, teamIds: null };
    const overview = await getOverview({ ...scope, range: RANGE });
    expect(overview.previousRange).toEqual(PREVIOUS);
    expect(overview.currency).toBe("EUR");
    const current = expectedKpis(facts, scope, RANGE);
    expect(current.shares).toBeGreaterThan(5);
    expect(current.humanClicks).toBeGreaterThan(100);
    expect(current.conversions).toBeGreaterThan(10);
    expectKpis(overview.current, current);
    expectKpis(overview.previous, expectedKpis(facts, scope, PREVIOUS));
    expect(overview.trend.map((p) => p.day)).toEqual(daysIn(RANGE));
    for (const point of overview.trend) {
      const day = expectedKpis(facts, scope, { from: point.day, to: point.day });
      expect(point).toEqual({
        day: point.day,
        shares: day.shares,
        humanClicks: day.humanClicks,
        uniqueVisits: day.uniqueVisits,
        conversions: day.conversions,
        estimatedReach: day.estimatedReach,
      });
    }
  });

  it("for one team (current members, a member of two teams counts in both)", async () => {
    const facts = await rawFacts(f.org.id);
    for (const teamIds of [[f.teamA.id], [f.teamB.id], [f.teamA.id, f.teamB.id]]) {
      const scope = { orgId: f.org.id, teamIds };
      const overview = await getOverview({ ...scope, range: RANGE });
      expectKpis(overview.current, expectedKpis(facts, scope, RANGE));
    }
  });

  it("answers zeros for a scope without teams", async () => {
    const overview = await getOverview({ orgId: f.org.id, teamIds: [], range: RANGE });
    expect(overview.current).toMatchObject({ shares: 0, humanClicks: 0, eligibleAdvocates: 0 });
    expect(overview.trend).toHaveLength(10);
  });
});

describe("getBreakdowns equals a raw recount", () => {
  it("value types, goals, content, leaderboard, teams and funnel", async () => {
    const facts = await rawFacts(f.org.id);
    const scope = { orgId: f.org.id, teamIds: null };
    const b = await getBreakdowns({ ...scope, range: RANGE }, { limit: 100 });
    const itemById = new Map(facts.items.map((i) => [i.id, i]));
    const withFilter = (keep: (shareId: string) => boolean) => {
      const restricted: Facts = {
        ...facts,
        shares: facts.shares.filter((s) => keep(s.id)),
        clicks: facts.clicks.filter((c) => keep(c.shareId)),
        conversions: facts.conversions.filter((c) => keep(c.shareId)),
      };
      return expectedKpis(restricted, scope, RANGE);
    };
    const byItem = (pred: (item: (typeof facts.items)[number]) => boolean) =>
      withFilter((shareId) => pred(itemById.get(facts.shareById.get(shareId)!.itemId)!));

    const total = expectedKpis(facts, scope, RANGE);
    expect(b.funnel).toEqual({
      shares: total.shares,
      uniqueVisits: total.uniqueVisits,
      conversions: total.conversions,
    });

    expect(b.valueTypes).toHaveLength(6);
    for (const row of b.valueTypes) {
      const k = byItem((i) => i.valueType === row.valueType);
      expect(row).toMatchObject({
        shares: k.shares,
        humanClicks: k.humanClicks,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
        conversionValue: k.conversionValue,
        estimatedReach: k.estimatedReach,
        emv: k.emv,
      });
      expect(row.clicksPerShare).toBeCloseTo(k.shares ? k.uniqueVisits / k.shares : 0, 10);
    }
    for (const row of b.goals) {
      const k = byItem((i) => i.goals.includes(row.goal));
      expect(row).toMatchObject({
        shares: k.shares,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
      });
      expect(row.conversionsInArea).toBe(k.conversionsByArea[row.goal]);
    }
    // Inspiration has two goals: goal rows add up to more than the whole.
    expect(b.goals.reduce((n, g) => n + g.shares, 0)).toBeGreaterThan(total.shares);

    for (const row of b.topContent) {
      const k = byItem((i) => i.id === row.itemId);
      expect(row).toMatchObject({
        shares: k.shares,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
      });
    }
    const visits = b.topContent.map((r) => r.uniqueVisits);
    expect(visits).toEqual([...visits].sort((x, y) => y - x));

    expect(b.leaderboard.length).toBeGreaterThan(2);
    for (const row of b.leaderboard) {
      const k = withFilter(
        (shareId) => facts.shareById.get(shareId)!.membershipId === row.membershipId,
      );
      expect(row).toMatchObject({
        shares: k.shares,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
      });
      expect(row.points).toBe(
        advocatePoints(
          { shares: k.shares, clicks: k.uniqueVisits, conversions: k.conversions },
          SETTINGS,
        ),
      );
      const name = facts.members.find((m) => m.id === row.membershipId)!.user.name;
      expect(row.label).toBe(name);
    }
    b.leaderboard.forEach((row, i) => {
      if (i > 0) expect(row.points).toBeLessThanOrEqual(b.leaderboard[i - 1]!.points);
      expect(row.rank).toBe(b.leaderboard.findIndex((r) => r.points === row.points) + 1);
    });

    expect(b.teams.map((t) => t.teamId).sort()).toEqual([f.teamA.id, f.teamB.id].sort());
    for (const row of b.teams) {
      const k = expectedKpis(facts, { orgId: f.org.id, teamIds: [row.teamId] }, RANGE);
      expect(row).toMatchObject({
        shares: k.shares,
        humanClicks: k.humanClicks,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
        activeAdvocates: k.activeAdvocates,
        members: k.eligibleAdvocates,
      });
    }
  });

  it("limits top content and the leaderboard", async () => {
    const b = await getBreakdowns({ orgId: f.org.id, teamIds: null, range: RANGE }, { limit: 2 });
    expect(b.topContent).toHaveLength(2);
    expect(b.leaderboard).toHaveLength(2);
  });
});

describe("manager scoping", () => {
  it("a manager sees only the members of the teams they manage", async () => {
    const access = accessFor(f.org, f.manager);
    const scope = await resolveAnalyticsScope(access);
    expect(scope).toEqual({
      orgId: f.org.id,
      teamIds: [f.teamA.id],
      teams: [{ id: f.teamA.id, name: "Alpha" }],
    });
    const facts = await rawFacts(f.org.id);
    const overview = await getOverview({ ...scope, range: RANGE });
    expectKpis(
      overview.current,
      expectedKpis(facts, { orgId: f.org.id, teamIds: [f.teamA.id] }, RANGE),
    );
    const b = await getBreakdowns({ ...scope, range: RANGE }, { limit: 100 });
    const alpha = new Set(
      facts.teamMembers.filter((t) => t.teamId === f.teamA.id).map((t) => t.membershipId),
    );
    expect(b.leaderboard.length).toBeGreaterThan(0);
    for (const row of b.leaderboard) expect(alpha.has(row.membershipId)).toBe(true);
    // The employee only in Beta is not on the manager's board.
    expect(b.leaderboard.map((r) => r.membershipId)).not.toContain(f.employee.membership.id);
    expect(b.teams.map((t) => t.teamId)).toEqual([f.teamA.id]);
  });

  it("another team or another organisation's team answers 404", async () => {
    const manager = accessFor(f.org, f.manager);
    await expect(resolveAnalyticsScope(manager, f.teamB.id)).rejects.toMatchObject({ status: 404 });
    await expect(resolveAnalyticsScope(manager, other.teamA.id)).rejects.toMatchObject({
      status: 404,
    });
    const admin = accessFor(f.org, f.admin);
    await expect(resolveAnalyticsScope(admin, other.teamA.id)).rejects.toBeInstanceOf(AppError);
    await expect(resolveAnalyticsScope(admin, "team_nope")).rejects.toMatchObject({ status: 404 });
    // The other organisation's manager does not see this organisation's team either.
    await expect(
      resolveAnalyticsScope(accessFor(other.org, other.manager), f.teamA.id),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("an admin sees everything, or one team; a manager of no team sees zeros; employees none", async () => {
    const admin = accessFor(f.org, f.admin);
    const all = await resolveAnalyticsScope(admin);
    expect(all.teamIds).toBeNull();
    expect(all.teams.map((t) => t.id).sort()).toEqual([f.teamA.id, f.teamB.id].sort());
    expect((await resolveAnalyticsScope(admin, f.teamB.id)).teamIds).toEqual([f.teamB.id]);

    const idle = await addMember(f.org.id, "MANAGER");
    const idleScope = await resolveAnalyticsScope(accessFor(f.org, idle));
    expect(idleScope.teamIds).toEqual([]);
    const overview = await getOverview({ ...idleScope, range: RANGE });
    expect(overview.current).toMatchObject({ shares: 0, humanClicks: 0, eligibleAdvocates: 0 });
    const b = await getBreakdowns({ ...idleScope, range: RANGE });
    expect(b.leaderboard).toEqual([]);
    expect(b.teams).toEqual([]);

    await expect(resolveAnalyticsScope(accessFor(f.org, f.employee))).rejects.toMatchObject({
      status: 403,
    });
  });

  it("a new team with no one in it shows zeros, not the organisation", async () => {
    const empty = await createTeam(f.org.id, "Gamma");
    const overview = await getOverview({ orgId: f.org.id, teamIds: [empty.id], range: RANGE });
    expect(overview.current.shares).toBe(0);
    expect(overview.current.eligibleAdvocates).toBe(0);
  });
});
