import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import type {
  AnalyticsQuery,
  DayRange,
  Kpis,
  Overview,
  TrendPoint,
} from "@/lib/domains/analytics/types";
import { CONVERSION_OUTCOMES, OUTCOME_AREA } from "@/lib/domains/analytics/outcomes";
import {
  assertDayRange,
  daysIn,
  previousRange,
  rangeBounds,
} from "@/lib/domains/analytics/day-range";
import { earnedMediaValue } from "@/lib/domains/analytics/emv";
import { getOrgAnalyticsSettings } from "@/lib/domains/analytics/org-analytics-settings";
import {
  impressionsSql,
  scopeFilter,
  scopeMemberIds,
  scopeShareIds,
  statsScopeFilter,
  shareDaySql,
  sharedStatusSql,
} from "@/lib/domains/analytics/scope-sql";

/**
 * The dashboard overview: KPIs for a range and the range just before it, and a daily trend.
 *
 * Period semantics: clicks, unique visits and conversions count on the day they happened (from
 * the daily rollups, never raw click events); shares, reach, authenticity and active advocates
 * count on the day of the share. EMV = reach of the period's shares × CPM / 1000 + the period's
 * human clicks × CPC. Eligible advocates are the active members in scope today. Only shares that
 * went out count (status SHARED or POSTED; scheduled or failed ones are not shares yet).
 */
export async function getOverview(query: AnalyticsQuery): Promise<Overview> {
  assertDayRange(query.range);
  const [settings, members] = await Promise.all([
    getOrgAnalyticsSettings(query.orgId),
    scopeMemberIds(query),
  ]);
  const previous = previousRange(query.range);
  const whole: DayRange = { from: previous.from, to: query.range.to };
  const scope = {
    orgId: query.orgId,
    members,
    shareIds: await scopeShareIds(query.orgId, members),
  };
  // The two periods' rollups are read by two queries at once (two connections, two cores).
  const [currentStats, previousStats, shares, advocates, eligible] = await Promise.all([
    statsByDay(scope, query.range),
    statsByDay(scope, previous),
    sharesByDay(scope, whole, settings),
    activeAdvocates(scope, { current: query.range, previous }, settings.timeZone),
    eligibleAdvocates(scope),
  ]);
  const stats = [...currentStats, ...previousStats];

  const current = emptyKpis(eligible);
  const before = emptyKpis(eligible);
  const trend = new Map<string, TrendPoint>(
    daysIn(query.range).map((day) => [
      day,
      { day, shares: 0, humanClicks: 0, uniqueVisits: 0, conversions: 0, estimatedReach: 0 },
    ]),
  );
  const inCurrent = (day: string) => day >= query.range.from && day <= query.range.to;

  for (const row of stats) {
    const k = inCurrent(row.day) ? current : before;
    k.humanClicks += row.humanClicks;
    k.botClicks += row.clicks - row.humanClicks;
    k.uniqueVisits += row.uniqueVisits;
    k.conversions += row.conversions;
    k.conversionValue += row.conversionValue;
    for (const outcome of CONVERSION_OUTCOMES) {
      const n = row[OUTCOME_COLUMN[outcome]];
      k.conversionsByOutcome[outcome] += n;
      k.conversionsByArea[OUTCOME_AREA[outcome]] += n;
    }
    const point = trend.get(row.day);
    if (point) {
      point.humanClicks += row.humanClicks;
      point.uniqueVisits += row.uniqueVisits;
      point.conversions += row.conversions;
    }
  }

  const authenticity = { current: 0, previous: 0 };
  for (const row of shares) {
    const isCurrent = inCurrent(row.day);
    const k = isCurrent ? current : before;
    k.shares += row.shares;
    k.aiAssistedShares += row.aiAssisted;
    k.estimatedReach += row.reach;
    if (row.anyEstimate) k.reachIsEstimate = true;
    authenticity[isCurrent ? "current" : "previous"] += row.authenticity;
    const point = trend.get(row.day);
    if (point) {
      point.shares += row.shares;
      point.estimatedReach += row.reach;
    }
  }

  for (const [k, key] of [
    [current, "current"],
    [before, "previous"],
  ] as const) {
    k.activeAdvocates = advocates[key];
    k.authenticityAverage = k.shares ? authenticity[key] / k.shares : null;
    k.conversionValue = Math.round(k.conversionValue * 100) / 100;
    k.emv = earnedMediaValue({ impressions: k.estimatedReach, clicks: k.humanClicks }, settings);
  }

  return {
    range: query.range,
    previousRange: previous,
    currency: settings.currency,
    current,
    previous: before,
    trend: [...trend.values()],
  };
}

/** ShareDailyStats columns per outcome. */
export const OUTCOME_COLUMN = {
  VISIT: "visits",
  SIGNUP: "signups",
  APPLICATION: "applications",
  HIRE: "hires",
  LEAD: "leads",
  OPPORTUNITY: "opportunities",
  DEAL: "deals",
} as const satisfies Record<ConversionOutcome, string>;

type OutcomeCounts = Record<(typeof OUTCOME_COLUMN)[ConversionOutcome], number>;

interface StatsRow extends OutcomeCounts {
  day: string;
  clicks: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
}

/** An organisation and the memberships in scope (null = all). */
export interface MemberScope {
  orgId: string;
  members: string[] | null;
  /** Their shares (null = all). */
  shareIds: string[] | null;
}

async function statsByDay(scope: MemberScope, range: DayRange): Promise<StatsRow[]> {
  if (scope.shareIds?.length === 0) return [];
  return db.$queryRaw<StatsRow[]>`
    SELECT to_char(d."day", 'YYYY-MM-DD') AS "day",
      SUM(d."clicks")::int AS "clicks", SUM(d."humanClicks")::int AS "humanClicks",
      SUM(d."uniqueVisits")::int AS "uniqueVisits", SUM(d."conversions")::int AS "conversions",
      SUM(d."visits")::int AS "visits", SUM(d."signups")::int AS "signups",
      SUM(d."applications")::int AS "applications", SUM(d."hires")::int AS "hires",
      SUM(d."leads")::int AS "leads", SUM(d."opportunities")::int AS "opportunities",
      SUM(d."deals")::int AS "deals", SUM(d."conversionValue")::float8 AS "conversionValue"
    FROM "ShareDailyStats" d
    WHERE d."orgId" = ${scope.orgId}
      AND d."day" BETWEEN ${range.from}::date AND ${range.to}::date
      ${statsScopeFilter(scope.shareIds)}
    GROUP BY d."day"`;
}

interface SharesRow {
  day: string;
  shares: number;
  aiAssisted: number;
  authenticity: number;
  reach: number;
  anyEstimate: boolean;
}

/** Shares, authenticity and reach per day of the share (a row per day, whatever the headcount). */
async function sharesByDay(
  scope: MemberScope,
  range: DayRange,
  settings: { timeZone: string; reachRate: number; defaultNetworkSize: number },
): Promise<SharesRow[]> {
  if (scope.members?.length === 0) return [];
  const { start, end } = rangeBounds(range, settings.timeZone);
  return db.$queryRaw<SharesRow[]>`
    SELECT ${shareDaySql(settings.timeZone)} AS "day",
      COUNT(*)::int AS "shares", COUNT(*) FILTER (WHERE sh."aiAssisted")::int AS "aiAssisted",
      SUM(sh."authenticity")::float8 AS "authenticity",
      SUM(${impressionsSql(settings.reachRate, settings.defaultNetworkSize)})::float8 AS "reach",
      BOOL_OR(sh."impressions" IS NULL) AS "anyEstimate"
    FROM "Share" sh
    WHERE sh."orgId" = ${scope.orgId}
      AND sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND ${sharedStatusSql()}
      ${scopeFilter(scope.members, Prisma.sql`sh."membershipId"`)}
    GROUP BY 1`;
}

/** The members with a share in each period (counted by the database). */
async function activeAdvocates(
  scope: MemberScope,
  ranges: { current: DayRange; previous: DayRange },
  timeZone: string,
): Promise<{ current: number; previous: number }> {
  if (scope.members?.length === 0) return { current: 0, previous: 0 };
  const current = rangeBounds(ranges.current, timeZone);
  const previous = rangeBounds(ranges.previous, timeZone);
  const at = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const [row] = await db.$queryRaw<{ current: number; previous: number }[]>`
    SELECT
      COUNT(DISTINCT sh."membershipId") FILTER (WHERE sh."createdAt" >= ${at(current.start)})::int
        AS "current",
      COUNT(DISTINCT sh."membershipId") FILTER (WHERE sh."createdAt" < ${at(current.start)})::int
        AS "previous"
    FROM "Share" sh
    WHERE sh."orgId" = ${scope.orgId}
      AND sh."createdAt" >= ${at(previous.start)} AND sh."createdAt" < ${at(current.end)}
      AND ${sharedStatusSql()}
      ${scopeFilter(scope.members, Prisma.sql`sh."membershipId"`)}`;
  return { current: row?.current ?? 0, previous: row?.previous ?? 0 };
}

async function eligibleAdvocates(scope: MemberScope): Promise<number> {
  if (scope.members?.length === 0) return 0;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS "n" FROM "Membership" m
    WHERE m."orgId" = ${scope.orgId} AND m."status" = 'ACTIVE'
      ${scopeFilter(scope.members, Prisma.sql`m."id"`)}`;
  return row?.n ?? 0;
}

export function emptyKpis(eligibleAdvocates = 0): Kpis {
  return {
    activeAdvocates: 0,
    eligibleAdvocates,
    shares: 0,
    humanClicks: 0,
    botClicks: 0,
    uniqueVisits: 0,
    estimatedReach: 0,
    reachIsEstimate: false,
    emv: 0,
    conversions: 0,
    conversionsByArea: { MARKETING: 0, HR: 0, SALES: 0 },
    conversionsByOutcome: {
      VISIT: 0,
      SIGNUP: 0,
      APPLICATION: 0,
      HIRE: 0,
      LEAD: 0,
      OPPORTUNITY: 0,
      DEAL: 0,
    },
    conversionValue: 0,
    authenticityAverage: null,
    aiAssistedShares: 0,
  };
}
