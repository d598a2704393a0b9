/**
 * The dashboard queries (getOverview, getBreakdowns) against figures the test works out itself:
 *
 * - a small hand-built organisation whose every figure is written out below as a literal, worked
 *   out by hand from the events (zoned days, unique visits, reach, EMV, points, ranks);
 * - a larger random organisation recounted with plain SQL written here, from the raw Share,
 *   ClickEvent and Conversion rows (days by PostgreSQL's own time-zone rules, a visit = a human
 *   visitor once per share and UTC hour), with EMV, reach and points worked out by the test.
 *
 * Nothing expected comes from the product's helpers (emv.ts, points.ts, zoned-time.ts, outcomes.ts):
 * had the test reused them, a wrong formula would give the same wrong number on both sides.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createRandom } from "@/prisma/seed/random";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { awardMissingSharePoints } from "@/lib/domains/recognition/award-missing-share-points";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { addDays, daysIn } from "@/lib/domains/analytics/day-range";
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
  pointsPerVisit: 2,
  pointsPerConversion: 30,
  pointsOwnWords: 10,
  pointsVariety: 7,
  visitPointsCap: 3,
};
const RANGE: DayRange = { from: "2026-03-30", to: "2026-04-08" };
const PREVIOUS: DayRange = { from: "2026-03-20", to: "2026-03-29" };

/** Outcome → area, written out for the recount (outcomes.ts is the product's copy). */
const AREA: Record<ConversionOutcome, "MARKETING" | "HR" | "SALES"> = {
  VISIT: "MARKETING",
  SIGNUP: "MARKETING",
  APPLICATION: "HR",
  HIRE: "HR",
  LEAD: "SALES",
  OPPORTUNITY: "SALES",
  DEAL: "SALES",
};
const OUTCOMES = Object.keys(AREA) as ConversionOutcome[];

/**
 * Berlin midnight of `day` plus `minutes`, from the rule itself: Central European Time is UTC+1,
 * summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October. (Only the fixtures' placement uses it; the recount's days come from SQL.)
 */
function localInstant(day: string, minutes: number): Date {
  const year = Number(day.slice(0, 4));
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const summerMidnight = midnightUtc - 2 * 3_600_000;
  const summer = summerMidnight >= lastSunday(2) && summerMidnight < lastSunday(9);
  return new Date(midnightUtc - (summer ? 2 : 1) * 3_600_000 + minutes * 60_000);
}

let f: OrgFixture;
let other: OrgFixture;
let extra: {
  alpha: Awaited<ReturnType<typeof addMember>>;
  beta: Awaited<ReturnType<typeof addMember>>;
};

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
        aiAssisted: random.chance(0.3),
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
      outcome: random.pick(OUTCOMES),
      occurredAt: localInstant(addDays(FIRST_DAY, random.int(0, 19)), random.int(0, 24 * 60 - 1)),
      value: random.chance(0.6) ? random.int(100, 99_999) / 100 : null,
      currency: random.pick(["EUR", null, "USD"]),
    })),
  );
  // Share points as the sharing flow writes them when a share counts (these rows bypass it).
  await awardMissingSharePoints(f.org.id);
  await drainDirtyRollups(getDb());
});

// ---------------------------------------------------------------------------------------------
// The recount: plain SQL over the raw rows, then sums. Figures per share and per share-day.
// ---------------------------------------------------------------------------------------------

interface ShareFact {
  id: string;
  membershipId: string;
  itemId: string;
  /** The share's calendar day in Berlin. */
  day: string;
  /** SHARED or POSTED (scheduled and failed shares have not gone out). */
  wentOut: boolean;
  createdAt: Date;
  authenticity: number;
  aiAssisted: boolean;
  /** LinkedIn's impressions, else round(network size (or the default) × reach rate). */
  reach: number;
  estimate: boolean;
}
interface ClickFact {
  shareId: string;
  day: string;
  human: number;
  bots: number;
  /** Human visitors once per share and UTC hour. */
  visits: number;
}
interface ConversionFact {
  shareId: string;
  day: string;
  outcome: ConversionOutcome;
  n: number;
  /** Value in cents of the conversions in EUR or without a currency. */
  cents: number;
}

async function sqlFacts(orgId: string) {
  const db = getDb();
  const [shares, clicks, conversions, members, teamMembers, items] = await Promise.all([
    db.$queryRaw<ShareFact[]>`
      SELECT sh."id", sh."membershipId", sh."itemId",
        to_char(timezone(${TZ}, timezone('UTC', sh."createdAt")), 'YYYY-MM-DD') AS "day",
        sh."status" IN ('SHARED', 'POSTED') AS "wentOut", sh."createdAt",
        sh."authenticity"::float8 AS "authenticity", sh."aiAssisted",
        COALESCE(sh."impressions",
          round(COALESCE(sh."networkSize", ${SETTINGS.defaultNetworkSize}::int) * ${SETTINGS.reachRate}::numeric))::int AS "reach",
        sh."impressions" IS NULL AS "estimate"
      FROM "Share" sh WHERE sh."orgId" = ${orgId}`,
    db.$queryRaw<ClickFact[]>`
      SELECT c."shareId", to_char(timezone(${TZ}, c."at"), 'YYYY-MM-DD') AS "day",
        count(*) FILTER (WHERE NOT c."isBot")::int AS "human",
        count(*) FILTER (WHERE c."isBot")::int AS "bots",
        count(DISTINCT (c."visitorKey", date_trunc('hour', timezone('UTC', c."at"))))
          FILTER (WHERE NOT c."isBot")::int AS "visits"
      FROM "ClickEvent" c WHERE c."orgId" = ${orgId}
      GROUP BY 1, 2`,
    db.$queryRaw<ConversionFact[]>`
      SELECT v."shareId", to_char(timezone(${TZ}, v."occurredAt"), 'YYYY-MM-DD') AS "day",
        v."outcome"::text AS "outcome", count(*)::int AS "n",
        COALESCE(sum(v."value" * 100) FILTER (
          WHERE v."currency" IS NULL OR upper(v."currency") = 'EUR'), 0)::int AS "cents"
      FROM "Conversion" v WHERE v."orgId" = ${orgId}
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ id: string; active: boolean; name: string }[]>`
      SELECT m."id", m."status" = 'ACTIVE' AS "active", u."name"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."orgId" = ${orgId}`,
    db.$queryRaw<{ teamId: string; membershipId: string }[]>`
      SELECT "teamId", "membershipId" FROM "TeamMember" WHERE "orgId" = ${orgId}`,
    db.$queryRaw<{ id: string; valueType: string; goals: string[] }[]>`
      SELECT "id", "valueType"::text AS "valueType", "goals"::text[] AS "goals"
      FROM "ContentItem" WHERE "orgId" = ${orgId}`,
  ]);
  const shareById = new Map(shares.map((s) => [s.id, s]));
  return { shares, clicks, conversions, members, teamMembers, items, shareById };
}

type Facts = Awaited<ReturnType<typeof sqlFacts>>;

function inScopeMembers(facts: Facts, scope: AnalyticsScope): Set<string> {
  if (scope.teamIds === null) return new Set(facts.members.map((m) => m.id));
  return new Set(
    facts.teamMembers.filter((t) => scope.teamIds!.includes(t.teamId)).map((t) => t.membershipId),
  );
}

/** EMV worked out here: impressions × CPM / 1000 + human clicks × CPC, in whole cents. */
function emv(reach: number, humanClicks: number): number {
  return Math.round((reach * SETTINGS.cpm) / 10 + humanClicks * SETTINGS.cpc * 100) / 100;
}

/**
 * Points worked out here (README "How points work"), for one member and range: per share that went
 * out on a day of the range 5 + round(10 × authenticity) + 7 when no share of theirs of the same
 * value type went out in the 30 days before; per share-day of the range min(visits, 3) × 2 and
 * 30 per conversion — only for shares that went out.
 */
function points(facts: Facts, membershipId: string, range: DayRange): number {
  const inRange = (day: string) => day >= range.from && day <= range.to;
  const valueType = new Map(facts.items.map((i) => [i.id, i.valueType]));
  const mine = facts.shares.filter((x) => x.membershipId === membershipId && x.wentOut);
  const mineIds = new Set(mine.map((x) => x.id));
  let total = 0;
  for (const x of mine.filter((m) => inRange(m.day))) {
    total += SETTINGS.pointsPerShare + Math.round(SETTINGS.pointsOwnWords * x.authenticity);
    const seen = mine.some(
      (o) =>
        o.id !== x.id &&
        valueType.get(o.itemId) === valueType.get(x.itemId) &&
        o.createdAt.getTime() < x.createdAt.getTime() &&
        o.createdAt.getTime() >= x.createdAt.getTime() - 30 * 86_400_000,
    );
    if (!seen) total += SETTINGS.pointsVariety;
  }
  for (const c of facts.clicks.filter((c) => mineIds.has(c.shareId) && inRange(c.day))) {
    total += Math.min(c.visits, SETTINGS.visitPointsCap) * SETTINGS.pointsPerVisit;
  }
  for (const c of facts.conversions.filter((c) => mineIds.has(c.shareId) && inRange(c.day))) {
    total += c.n * SETTINGS.pointsPerConversion;
  }
  return total;
}

/** The KPIs of a scope and range (optionally only some shares), summed from the SQL facts. */
function expectedKpis(
  facts: Facts,
  scope: AnalyticsScope,
  range: DayRange,
  keep: (share: ShareFact) => boolean = () => true,
): Kpis {
  const members = inScopeMembers(facts, scope);
  const inRange = (day: string) => day >= range.from && day <= range.to;
  const counts = (shareId: string) => {
    const share = facts.shareById.get(shareId)!;
    return members.has(share.membershipId) && keep(share);
  };
  const shares = facts.shares.filter((s) => s.wentOut && inRange(s.day) && counts(s.id));
  const clicks = facts.clicks.filter((c) => inRange(c.day) && counts(c.shareId));
  const conversions = facts.conversions.filter((c) => inRange(c.day) && counts(c.shareId));
  const sum = <T>(list: T[], pick: (x: T) => number) => list.reduce((n, x) => n + pick(x), 0);
  const humanClicks = sum(clicks, (c) => c.human);
  const estimatedReach = sum(shares, (s) => s.reach);
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Kpis["conversionsByOutcome"];
  const byArea = { MARKETING: 0, HR: 0, SALES: 0 };
  for (const c of conversions) {
    byOutcome[c.outcome] += c.n;
    byArea[AREA[c.outcome]] += c.n;
  }
  return {
    activeAdvocates: new Set(shares.map((s) => s.membershipId)).size,
    eligibleAdvocates: facts.members.filter((m) => m.active && members.has(m.id)).length,
    shares: shares.length,
    humanClicks,
    botClicks: sum(clicks, (c) => c.bots),
    uniqueVisits: sum(clicks, (c) => c.visits),
    estimatedReach,
    reachIsEstimate: shares.some((s) => s.estimate),
    emv: emv(estimatedReach, humanClicks),
    conversions: sum(conversions, (c) => c.n),
    conversionsByArea: byArea,
    conversionsByOutcome: byOutcome,
    conversionValue: sum(conversions, (c) => c.cents) / 100,
    authenticityAverage: shares.length ? sum(shares, (s) => s.authenticity) / shares.length : null,
    aiAssistedShares: shares.filter((s) => s.aiAssisted).length,
  };
}

function expectKpis(actual: Kpis, expected: Kpis) {
  const { authenticityAverage: a, ...rest } = actual;
  const { authenticityAverage: e, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
  if (e === null) expect(a).toBeNull();
  else expect(a).toBeCloseTo(e, 10);
}

// ---------------------------------------------------------------------------------------------
// A small organisation worked out by hand
// ---------------------------------------------------------------------------------------------

describe("a small hand-built organisation: every figure written out", () => {
  // Berlin is on summer time (UTC+2) in June: the range 10–11 June runs from 2026-06-09T22:00Z
  // to 2026-06-11T22:00Z; the previous range is 8–9 June.
  const SMALL: DayRange = { from: "2026-06-10", to: "2026-06-11" };
  let s: OrgFixture;
  let ben: Awaited<ReturnType<typeof addMember>>;
  let education: { id: string };
  let inspiration: { id: string };

  beforeAll(async () => {
    const db = getDb();
    s = await createOrgFixture(); // Alpha: admin, manager · Beta: employee · one deactivated
    ben = await addMember(s.org.id, "EMPLOYEE", { teamIds: [s.teamA.id, s.teamB.id] });
    await db.organization.update({ where: { id: s.org.id }, data: { timeZone: TZ } });
    await db.orgSettings.create({ data: { orgId: s.org.id, currency: "EUR", ...SETTINGS } });
    for (const [member, name] of [
      [s.admin, "Ana Admin"],
      [s.manager, "Max Manager"],
      [s.employee, "Eve Employee"],
      [ben, "Ben Both"],
    ] as const) {
      await db.user.update({ where: { id: member.user.id }, data: { name } });
    }
    education = await createItem(s.org.id, { valueType: "EDUCATION", goals: ["HR"] });
    inspiration = await createItem(s.org.id, {
      valueType: "INSPIRATION",
      goals: ["SALES", "MARKETING"],
    });
    const at = (iso: string) => new Date(iso);
    // S1 Ana: Berlin midnight starting 10 June (still 9 June in UTC); network 1000 → reach 200.
    const s1 = await createShare(s.org.id, education.id, s.admin, {
      createdAt: at("2026-06-09T22:00:00Z"),
      networkSize: 1000,
      authenticity: 0.8,
    });
    // S2 Ben: 23:59 on 11 June; LinkedIn's 1234 impressions replace the estimate.
    const s2 = await createShare(s.org.id, inspiration.id, ben, {
      createdAt: at("2026-06-11T21:59:00Z"),
      networkSize: 500,
      impressions: 1234,
      authenticity: 0.5,
      status: "POSTED",
      aiAssisted: true,
    });
    // S3 Eve: no network size → the default 300 → reach 60.
    const s3 = await createShare(s.org.id, inspiration.id, s.employee, {
      createdAt: at("2026-06-10T10:00:00Z"),
      authenticity: 0.2,
    });
    // S4 Ana: midnight starting 12 June — after the range. S5 Ben: scheduled, not a share yet.
    await createShare(s.org.id, inspiration.id, s.admin, { createdAt: at("2026-06-11T22:00:00Z") });
    await createShare(s.org.id, education.id, ben, {
      createdAt: at("2026-06-10T08:00:00Z"),
      status: "SCHEDULED",
    });
    // S6 Max: 23:59:59 on 9 June — the previous range; network 250 → reach 50.
    const s6 = await createShare(s.org.id, education.id, s.manager, {
      createdAt: at("2026-06-09T21:59:59Z"),
      networkSize: 250,
      authenticity: 1,
    });
    const click = (shareId: string, iso: string, visitorKey: string, isBot = false) => ({
      shareId,
      at: at(iso),
      visitorKey,
      isBot,
    });
    await insertClicks(s.org.id, [
      // S1: v1 twice in one hour (one visit) and once in the next (a second), v2 once, a bot,
      // v4 at 23:59:59 on 9 June (previous range) and at midnight (10 June, a visit of its own).
      click(s1.id, "2026-06-10T08:05:00Z", "v1"),
      click(s1.id, "2026-06-10T08:55:00Z", "v1"),
      click(s1.id, "2026-06-10T09:05:00Z", "v1"),
      click(s1.id, "2026-06-10T08:10:00Z", "v2"),
      click(s1.id, "2026-06-10T08:20:00Z", "v3", true),
      click(s1.id, "2026-06-09T21:59:59Z", "v4"),
      click(s1.id, "2026-06-09T22:00:00Z", "v4"),
      // S2: 23:59:30 on 11 June counts, 00:00:30 on 12 June does not; two bots.
      click(s2.id, "2026-06-11T21:59:30Z", "v5"),
      click(s2.id, "2026-06-11T22:00:30Z", "v5"),
      click(s2.id, "2026-06-11T12:00:00Z", "v6", true),
      click(s2.id, "2026-06-11T12:01:00Z", "v6", true),
      // S3: v7 three times in one hour and once in the next, v8 once.
      click(s3.id, "2026-06-10T12:00:00Z", "v7"),
      click(s3.id, "2026-06-10T12:30:00Z", "v8"),
      click(s3.id, "2026-06-10T12:59:59.999Z", "v7"),
      click(s3.id, "2026-06-10T13:00:00Z", "v7"),
      // S6 was shared in the previous range; its click on 10 June counts on 10 June.
      click(s6.id, "2026-06-10T15:00:00Z", "v9"),
    ]);
    await insertConversions(s.org.id, [
      {
        shareId: s1.id,
        outcome: "HIRE",
        occurredAt: at("2026-06-10T09:00:00Z"),
        value: 100,
        currency: "EUR",
      },
      { shareId: s1.id, outcome: "APPLICATION", occurredAt: at("2026-06-10T09:10:00Z") },
      { shareId: s2.id, outcome: "DEAL", occurredAt: at("2026-06-11T21:00:00Z"), value: 250.5 },
      {
        shareId: s2.id,
        outcome: "LEAD",
        occurredAt: at("2026-06-11T20:00:00Z"),
        value: 999,
        currency: "USD",
      },
      { shareId: s3.id, outcome: "SIGNUP", occurredAt: at("2026-06-11T22:30:00Z") }, // 12 June
      { shareId: s3.id, outcome: "VISIT", occurredAt: at("2026-06-09T21:30:00Z"), value: 10 }, // 9 June
    ]);
    await awardMissingSharePoints(s.org.id);
    await drainDirtyRollups(getDb());
  });

  const outcomes = (o: Partial<Record<ConversionOutcome, number>>) => ({
    VISIT: 0,
    SIGNUP: 0,
    APPLICATION: 0,
    HIRE: 0,
    LEAD: 0,
    OPPORTUNITY: 0,
    DEAL: 0,
    ...o,
  });

  it("overview: the range, the previous range and each day", async () => {
    const overview = await getOverview({ orgId: s.org.id, teamIds: null, range: SMALL });
    expect(overview.previousRange).toEqual({ from: "2026-06-08", to: "2026-06-09" });
    expect(overview.currency).toBe("EUR");
    expect(overview.current).toEqual({
      activeAdvocates: 3, // Ana, Ben, Eve
      eligibleAdvocates: 4, // the deactivated member is not eligible
      shares: 3, // S1, S2, S3
      humanClicks: 11, // S1 5, S2 1, S3 4, S6 1
      botClicks: 3,
      uniqueVisits: 9, // S1 4, S2 1, S3 3, S6 1
      estimatedReach: 1494, // 200 + 1234 + 60
      reachIsEstimate: true,
      emv: 23.43, // 1494 × 12 / 1000 + 11 × 0.5 = 17.928 + 5.5
      conversions: 4,
      conversionsByArea: { MARKETING: 0, HR: 2, SALES: 2 },
      conversionsByOutcome: outcomes({ APPLICATION: 1, HIRE: 1, LEAD: 1, DEAL: 1 }),
      conversionValue: 350.5, // 100 EUR + 250.50 in the org's currency; 999 USD is not summed
      authenticityAverage: 0.5, // (0.8 + 0.5 + 0.2) / 3
      aiAssistedShares: 1, // S2
    });
    expect(overview.previous).toEqual({
      activeAdvocates: 1,
      eligibleAdvocates: 4,
      shares: 1, // S6
      humanClicks: 1, // v4 at 23:59:59 on 9 June
      botClicks: 0,
      uniqueVisits: 1,
      estimatedReach: 50,
      reachIsEstimate: true,
      emv: 1.1, // 50 × 12 / 1000 + 1 × 0.5
      conversions: 1,
      conversionsByArea: { MARKETING: 1, HR: 0, SALES: 0 },
      conversionsByOutcome: outcomes({ VISIT: 1 }),
      conversionValue: 10,
      authenticityAverage: 1,
      aiAssistedShares: 0,
    });
    expect(overview.trend).toEqual([
      {
        day: "2026-06-10",
        shares: 2,
        humanClicks: 10,
        uniqueVisits: 8,
        conversions: 2,
        estimatedReach: 260,
      },
      {
        day: "2026-06-11",
        shares: 1,
        humanClicks: 1,
        uniqueVisits: 1,
        conversions: 2,
        estimatedReach: 1234,
      },
    ]);
  });

  it("overview of one team (Beta: Eve and Ben)", async () => {
    const overview = await getOverview({ orgId: s.org.id, teamIds: [s.teamB.id], range: SMALL });
    expect(overview.current).toEqual({
      activeAdvocates: 2,
      eligibleAdvocates: 2,
      shares: 2, // S2, S3
      humanClicks: 5,
      botClicks: 2,
      uniqueVisits: 4,
      estimatedReach: 1294,
      reachIsEstimate: true,
      emv: 18.03, // 1294 × 0.012 + 5 × 0.5 = 15.528 + 2.5
      conversions: 2,
      conversionsByArea: { MARKETING: 0, HR: 0, SALES: 2 },
      conversionsByOutcome: outcomes({ LEAD: 1, DEAL: 1 }),
      conversionValue: 250.5,
      authenticityAverage: 0.35,
      aiAssistedShares: 1, // S2 (Ben)
    });
  });

  it("breakdowns: value types, goals, content, leaderboard with points and ranks, teams, funnel", async () => {
    const b = await getBreakdowns({ orgId: s.org.id, teamIds: null, range: SMALL }, { limit: 10 });
    const figures = (row: {
      shares: number;
      humanClicks: number;
      uniqueVisits: number;
      conversions: number;
      conversionValue: number;
      estimatedReach: number;
      emv: number;
      clicksPerShare: number;
    }) => [
      row.shares,
      row.humanClicks,
      row.uniqueVisits,
      row.conversions,
      row.conversionValue,
      row.estimatedReach,
      row.emv,
      row.clicksPerShare,
    ];
    // [shares, human clicks, unique visits, conversions, value, reach, EMV, visits per share]
    const educationRow = [1, 6, 5, 2, 100, 200, 5.4, 5]; // S1, and S6's click on 10 June
    const inspirationRow = [2, 5, 4, 2, 250.5, 1294, 18.03, 2]; // S2, S3
    const none = [0, 0, 0, 0, 0, 0, 0, 0];
    expect(Object.fromEntries(b.valueTypes.map((r) => [r.valueType, figures(r)]))).toEqual({
      INFORMATION: none,
      EDUCATION: educationRow,
      TOGETHERNESS: none,
      MOTIVATION: none,
      INSPIRATION: inspirationRow,
      ENTERTAINMENT: none,
    });
    expect(
      Object.fromEntries(b.goals.map((r) => [r.goal, [...figures(r), r.conversionsInArea]])),
    ).toEqual({
      MARKETING: [...inspirationRow, 0],
      HR: [...educationRow, 2], // a hire and an application
      SALES: [...inspirationRow, 2], // a deal and a lead
    });
    expect(b.topContent.map((r) => [r.itemId, ...figures(r)])).toEqual([
      [education.id, ...educationRow],
      [inspiration.id, ...inspirationRow],
    ]);
    expect(
      b.leaderboard.map((r) => [
        r.rank,
        r.label,
        r.shares,
        r.uniqueVisits,
        r.conversions,
        r.points,
      ]),
    ).toEqual([
      // share 5 + own words round(10 × authenticity) + variety 7 (a first share of its value
      // type); visits capped at 3 a day × 2; 30 per conversion.
      [1, "Ana Admin", 1, 4, 2, 86], // 5 + 8 + 7 + min(4, 3) × 2 + 2 × 30
      [2, "Ben Both", 1, 1, 2, 79], // 5 + 5 + 7 + 2 + 60
      [3, "Eve Employee", 1, 3, 0, 20], // 5 + 2 + 7 + 3 × 2
      [4, "Max Manager", 0, 1, 0, 2], // a visit on a share of the previous range
    ]);
    expect(b.teams.map((t) => [t.label, t.members, t.activeAdvocates, ...figures(t)])).toEqual([
      ["Alpha", 3, 2, 2, 7, 6, 4, 350.5, 1434, 20.71, 3], // Ana, Max, Ben
      ["Beta", 2, 2, 2, 5, 4, 2, 250.5, 1294, 18.03, 2], // Eve, Ben
    ]);
    expect(b.funnel).toEqual({ shares: 3, uniqueVisits: 9, conversions: 4 });
  });

  it("agrees with the SQL recount used for the larger organisation below", async () => {
    const facts = await sqlFacts(s.org.id);
    const overview = await getOverview({ orgId: s.org.id, teamIds: null, range: SMALL });
    expectKpis(overview.current, expectedKpis(facts, { orgId: s.org.id, teamIds: null }, SMALL));
  });
});

// ---------------------------------------------------------------------------------------------
// A larger random organisation, recounted with SQL
// ---------------------------------------------------------------------------------------------

describe("getOverview equals a SQL recount", () => {
  it("for the whole organisation, the range and the previous range", async () => {
    const facts = await sqlFacts(f.org.id);
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
    const facts = await sqlFacts(f.org.id);
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

describe("getBreakdowns equals a SQL recount", () => {
  it("value types, goals, content, leaderboard, teams and funnel", async () => {
    const facts = await sqlFacts(f.org.id);
    const scope = { orgId: f.org.id, teamIds: null };
    const b = await getBreakdowns({ ...scope, range: RANGE }, { limit: 100 });
    const itemById = new Map(facts.items.map((i) => [i.id, i]));
    const byItem = (pred: (item: (typeof facts.items)[number]) => boolean) =>
      expectedKpis(facts, scope, RANGE, (share) => pred(itemById.get(share.itemId)!));

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
        emv: k.emv,
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
      const k = expectedKpis(facts, scope, RANGE, (s) => s.membershipId === row.membershipId);
      expect(row).toMatchObject({
        shares: k.shares,
        uniqueVisits: k.uniqueVisits,
        conversions: k.conversions,
        emv: k.emv,
        points: points(facts, row.membershipId, RANGE),
      });
      const name = facts.members.find((m) => m.id === row.membershipId)!.name;
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
        emv: k.emv,
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
    const facts = await sqlFacts(f.org.id);
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
