import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/db/client";
import type { BusinessGoal, ConversionOutcome, ValueType } from "@/lib/generated/prisma/enums";
import type { DayRange, TrendPoint } from "@/lib/domains/analytics/types";
import { assertDayRange, daysIn } from "@/lib/domains/analytics/day-range";
import { estimatedImpressions } from "@/lib/domains/analytics/emv";
import { OUTCOME_COLUMN } from "@/lib/domains/analytics/get-overview";
import { CONVERSION_OUTCOMES } from "@/lib/domains/analytics/outcomes";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import { sharedStatusSql } from "@/lib/domains/analytics/scope-sql";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import {
  computeContentMix,
  type ContentMix,
  type MixShare,
} from "@/lib/domains/content/content-mix";
import { VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";

/** What one figure set holds: a share's, or the person's total. */
export interface ImpactFigures {
  /** Human visitors, each counted once per share per hour. */
  uniqueVisits: number;
  /** Clicks not flagged as bots. */
  humanClicks: number;
  /** LinkedIn's impressions where synced, else network size × reach rate. */
  reach: number;
  /** True when any part of `reach` is an estimate (the UI says so). */
  reachIsEstimate: boolean;
  /** LinkedIn's figures; null when LinkedIn supplied none. */
  reactions: number | null;
  comments: number | null;
  reshares: number | null;
  /** Conversions attributed to the share(s) in the period, by outcome. */
  outcomes: Record<ConversionOutcome, number>;
  conversions: number;
}

export interface ShareImpact extends ImpactFigures {
  shareId: string;
  itemTitle: string;
  valueType: ValueType;
  sharedAt: Date;
  /** The day of the share in the organisation's time zone. */
  day: string;
  /** Made inside the period (its reach counts in the period's total). */
  inRange: boolean;
}

export interface MyImpact {
  range: DayRange;
  /** Shares made in the period (that count: share-status.ts). */
  shares: number;
  totals: ImpactFigures;
  /** Shares made in the period and older ones with visits or outcomes in it, most visits first. */
  byShare: ShareImpact[];
  /** The share with the most visits in the period (null without visits). */
  best: ShareImpact | null;
  trend: TrendPoint[];
  /** The value types of the period's shares. */
  mix: ContentMix;
  /** Where the period's visits came from, by the value type of the shared post. */
  visitsByValueType: MixShare<ValueType>[];
  reachSettings: { reachRate: number; defaultNetworkSize: number };
}

type OutcomeCounts = Record<(typeof OUTCOME_COLUMN)[ConversionOutcome], number>;

interface ShareRow {
  id: string;
  createdAt: Date;
  networkSize: number | null;
  impressions: number | null;
  reactions: number | null;
  comments: number | null;
  reshares: number | null;
  title: string;
  valueType: ValueType;
  goals: BusinessGoal[];
}

interface StatsRow extends OutcomeCounts {
  /** null on the per-share rows of the grouping sets. */
  day: string | null;
  /** null on the per-day rows. */
  shareId: string | null;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
}

function emptyOutcomes(): Record<ConversionOutcome, number> {
  return Object.fromEntries(CONVERSION_OUTCOMES.map((o) => [o, 0])) as Record<
    ConversionOutcome,
    number
  >;
}

function emptyFigures(): ImpactFigures {
  return {
    uniqueVisits: 0,
    humanClicks: 0,
    reach: 0,
    reachIsEstimate: false,
    reactions: null,
    comments: null,
    reshares: null,
    outcomes: emptyOutcomes(),
    conversions: 0,
  };
}

const addNullable = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : a + b;

/** The rollup columns summed for a person's impact (getMyImpact and getMyImpacts alike). */
const STATS_SUMS = Prisma.sql`
  SUM(d."humanClicks")::int AS "humanClicks", SUM(d."uniqueVisits")::int AS "uniqueVisits",
  SUM(d."conversions")::int AS "conversions", SUM(d."visits")::int AS "visits",
  SUM(d."signups")::int AS "signups", SUM(d."applications")::int AS "applications",
  SUM(d."hires")::int AS "hires", SUM(d."leads")::int AS "leads",
  SUM(d."opportunities")::int AS "opportunities", SUM(d."deals")::int AS "deals"`;

/**
 * A member's own impact for a period, read like the dashboards: visits, human clicks and outcomes
 * count on the day they happened, from the daily rollups (ShareDailyStats, never raw click
 * events); reach and LinkedIn's reactions, comments and reshares count for the shares made in the
 * period (their lifetime figures, on the day of the share). Only shares that count (SHARED,
 * POSTED) are listed; a rollup row always belongs to such a share's link.
 *
 * A fixed number of statements whatever the history (bench/impact.ts checks it): the organisation's
 * settings, the member's shares with their items (index orgId, membershipId, createdAt) and one
 * aggregate of their rollup rows of the period, by day and by share at once (GROUPING SETS),
 * reached through the shares' primary keys (shareId, day).
 */
export async function getMyImpact(
  orgId: string,
  membershipId: string,
  range: DayRange,
): Promise<MyImpact> {
  assertDayRange(range);
  const [settings, shares, stats] = await Promise.all([
    getOrgAnalyticsSettings(orgId),
    // Raw, in one statement with the items (Prisma's relation query took two and most of the CPU).
    db.$queryRaw<ShareRow[]>`
      SELECT sh."id", sh."createdAt", sh."networkSize", sh."impressions", sh."reactions",
        sh."comments", sh."reshares", i."title", i."valueType"::text AS "valueType",
        i."goals"::text[] AS "goals"
      FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
      WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ${membershipId} AND ${sharedStatusSql()}
      ORDER BY sh."createdAt" DESC`,
    db.$queryRaw<StatsRow[]>`
      SELECT to_char(d."day", 'YYYY-MM-DD') AS "day", d."shareId",
        ${STATS_SUMS}
      FROM "Share" sh
      JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
        AND d."day" BETWEEN ${range.from}::date AND ${range.to}::date
      WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ${membershipId} AND d."orgId" = ${orgId}
        AND ${sharedStatusSql()}
      GROUP BY GROUPING SETS ((d."day"), (d."shareId"))`,
  ]);
  return assembleMyImpact(range, settings, shares, stats);
}

/**
 * The impact of many members of one organisation for one period, in a fixed number of statements
 * whatever the number of members (the weekly digest's batches): the settings, the members' shares
 * that can count in the period (made from two days before it — time zones — or with rollup rows in
 * it) and one aggregate of their rollup rows by member and day and by member and share. Each
 * member's figures are exactly getMyImpact's (the same assembly).
 */
export async function getMyImpacts(
  orgId: string,
  membershipIds: readonly string[],
  range: DayRange,
): Promise<Map<string, MyImpact>> {
  assertDayRange(range);
  const ids = [...membershipIds];
  const since = new Date(Date.parse(`${range.from}T00:00:00Z`) - 2 * 86_400_000);
  const [settings, shares, stats] = await Promise.all([
    getOrgAnalyticsSettings(orgId),
    db.$queryRaw<(ShareRow & { membershipId: string })[]>`
      SELECT sh."membershipId", sh."id", sh."createdAt", sh."networkSize", sh."impressions",
        sh."reactions", sh."comments", sh."reshares", i."title", i."valueType"::text AS "valueType",
        i."goals"::text[] AS "goals"
      FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
      WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ANY(${ids}::text[])
        AND ${sharedStatusSql()}
        AND (sh."createdAt" >= ${since} OR EXISTS (
          SELECT 1 FROM "ShareDailyStats" d WHERE d."shareId" = sh."id"
            AND d."day" BETWEEN ${range.from}::date AND ${range.to}::date))
      ORDER BY sh."createdAt" DESC`,
    db.$queryRaw<(StatsRow & { membershipId: string })[]>`
      SELECT sh."membershipId", to_char(d."day", 'YYYY-MM-DD') AS "day", d."shareId",
        ${STATS_SUMS}
      FROM "Share" sh
      JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
        AND d."day" BETWEEN ${range.from}::date AND ${range.to}::date
      WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ANY(${ids}::text[])
        AND d."orgId" = ${orgId} AND ${sharedStatusSql()}
      GROUP BY GROUPING SETS ((sh."membershipId", d."day"), (sh."membershipId", d."shareId"))`,
  ]);
  const sharesOf = new Map<string, ShareRow[]>(ids.map((id) => [id, []]));
  for (const row of shares) sharesOf.get(row.membershipId)?.push(row);
  const statsOf = new Map<string, StatsRow[]>(ids.map((id) => [id, []]));
  for (const row of stats) statsOf.get(row.membershipId)?.push(row);
  return new Map(
    ids.map((id) => [id, assembleMyImpact(range, settings, sharesOf.get(id)!, statsOf.get(id)!)]),
  );
}

/** One member's impact from their shares (newest first) and their rollup aggregate. */
function assembleMyImpact(
  range: DayRange,
  settings: AnalyticsSettings,
  shares: ShareRow[],
  stats: StatsRow[],
): MyImpact {
  const trend = new Map<string, TrendPoint>(
    daysIn(range).map((day) => [
      day,
      { day, shares: 0, humanClicks: 0, uniqueVisits: 0, conversions: 0, estimatedReach: 0 },
    ]),
  );
  const perShare = new Map<string, StatsRow>();
  for (const row of stats) {
    if (row.shareId !== null) {
      perShare.set(row.shareId, row);
    } else if (row.day !== null) {
      const point = trend.get(row.day);
      if (point) {
        point.humanClicks += row.humanClicks;
        point.uniqueVisits += row.uniqueVisits;
        point.conversions += row.conversions;
      }
    }
  }

  const totals = emptyFigures();
  const byShare: ShareImpact[] = [];
  const inPeriod: { valueType: ValueType; goals: BusinessGoal[] }[] = [];
  const visitsByType = new Map<ValueType, number>();
  for (const share of shares) {
    const day = zonedDateKey(share.createdAt, settings.timeZone);
    const inRange = day >= range.from && day <= range.to;
    const row = perShare.get(share.id);
    if (!inRange && !row) continue;
    const reach = estimatedImpressions(share, settings);
    const outcomes = emptyOutcomes();
    for (const outcome of CONVERSION_OUTCOMES)
      outcomes[outcome] = row?.[OUTCOME_COLUMN[outcome]] ?? 0;
    const figures: ShareImpact = {
      shareId: share.id,
      itemTitle: share.title,
      valueType: share.valueType,
      sharedAt: share.createdAt,
      day,
      inRange,
      uniqueVisits: row?.uniqueVisits ?? 0,
      humanClicks: row?.humanClicks ?? 0,
      reach: reach.value,
      reachIsEstimate: reach.isEstimate,
      reactions: share.reactions,
      comments: share.comments,
      reshares: share.reshares,
      outcomes,
      conversions: row?.conversions ?? 0,
    };
    byShare.push(figures);

    totals.uniqueVisits += figures.uniqueVisits;
    totals.humanClicks += figures.humanClicks;
    totals.conversions += figures.conversions;
    for (const outcome of CONVERSION_OUTCOMES) totals.outcomes[outcome] += outcomes[outcome];
    if (figures.uniqueVisits) {
      visitsByType.set(
        figures.valueType,
        (visitsByType.get(figures.valueType) ?? 0) + figures.uniqueVisits,
      );
    }
    if (inRange) {
      inPeriod.push({ valueType: share.valueType, goals: share.goals });
      totals.reach += reach.value;
      if (reach.isEstimate) totals.reachIsEstimate = true;
      totals.reactions = addNullable(totals.reactions, share.reactions);
      totals.comments = addNullable(totals.comments, share.comments);
      totals.reshares = addNullable(totals.reshares, share.reshares);
      const point = trend.get(day);
      if (point) {
        point.shares += 1;
        point.estimatedReach += reach.value;
      }
    }
  }
  byShare.sort(
    (a, b) =>
      b.uniqueVisits - a.uniqueVisits ||
      b.conversions - a.conversions ||
      b.sharedAt.getTime() - a.sharedAt.getTime(),
  );
  const best = byShare[0] && byShare[0].uniqueVisits > 0 ? byShare[0] : null;

  return {
    range,
    shares: inPeriod.length,
    totals,
    byShare,
    best,
    trend: [...trend.values()],
    mix: computeContentMix(inPeriod),
    visitsByValueType: VALUE_TYPE_IDS.map((key) => {
      const count = visitsByType.get(key) ?? 0;
      return { key, count, share: totals.uniqueVisits ? count / totals.uniqueVisits : 0 };
    }),
    reachSettings: {
      reachRate: settings.reachRate,
      defaultNetworkSize: settings.defaultNetworkSize,
    },
  };
}
