import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConversionOutcome, ShareChannel, ShareStatus } from "@/lib/generated/prisma/enums";
import type {
  AnalyticsQuery,
  ContentPerformance,
  ContentSharer,
  TrendPoint,
} from "@/lib/domains/analytics/types";
import { CONVERSION_OUTCOMES } from "@/lib/domains/analytics/outcomes";
import { assertDayRange, daysIn, rangeBounds } from "@/lib/domains/analytics/day-range";
import { earnedMediaValue } from "@/lib/domains/analytics/emv";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import { OUTCOME_COLUMN } from "@/lib/domains/analytics/get-overview";
import {
  impressionsSql,
  scopeFilter,
  scopeMemberIds,
  shareDaySql,
  sharedStatusSql,
} from "@/lib/domains/analytics/scope-sql";

/**
 * One post's drill-down for a range and scope: who shared it (each share with its person, channel,
 * time and what it brought), clicks and shares day by day, and conversions by outcome.
 *
 * Same period semantics as the dashboard, so its totals equal the post's top-content row: shares
 * and reach on the day of the share (only shares that went out), clicks and conversions on the day
 * they happened (daily rollups). A share from before the range that still brings clicks is listed
 * (marked as older) but is not one of the range's shares. A manager sees the shares of their teams'
 * current members only. Another organisation's post, and a post never published, answer 404.
 */
export async function getContentPerformance(
  query: AnalyticsQuery,
  itemId: string,
): Promise<ContentPerformance> {
  assertDayRange(query.range);
  const item = await db.contentItem.findFirst({
    where: {
      id: itemId,
      orgId: query.orgId,
      // A draft has no shares and nothing to measure; its title stays in the studio.
      OR: [{ publishedAt: { not: null } }, { shares: { some: {} } }],
    },
    select: { id: true, title: true, valueType: true, goals: true, status: true },
  });
  if (!item) throw notFound("Post");

  const [settings, members] = await Promise.all([
    getOrgAnalyticsSettings(query.orgId),
    scopeMemberIds(query),
  ]);
  const scoped = { ...query, itemId, members };
  const [shares, stats] =
    members?.length === 0
      ? [[], []]
      : await Promise.all([itemShares(scoped, settings), itemStats(scoped)]);
  const people = await db.membership.findMany({
    where: { orgId: query.orgId, id: { in: [...new Set(shares.map((s) => s.membershipId))] } },
    select: { id: true, handle: true, user: { select: { name: true } } },
  });
  const personById = new Map(people.map((p) => [p.id, p]));

  const trend = new Map<string, TrendPoint>(
    daysIn(query.range).map((day) => [
      day,
      { day, shares: 0, humanClicks: 0, uniqueVisits: 0, conversions: 0, estimatedReach: 0 },
    ]),
  );
  const outcomes = Object.fromEntries(CONVERSION_OUTCOMES.map((o) => [o, 0])) as Record<
    ConversionOutcome,
    number
  >;
  const totals = { ...EMPTY_TOTALS };
  const byShare = new Map<
    string,
    { humanClicks: number; uniqueVisits: number; conversions: number }
  >();

  for (const row of stats) {
    totals.humanClicks += row.humanClicks;
    totals.uniqueVisits += row.uniqueVisits;
    totals.conversions += row.conversions;
    totals.conversionValue += row.conversionValue;
    for (const outcome of CONVERSION_OUTCOMES) outcomes[outcome] += row[OUTCOME_COLUMN[outcome]];
    const point = trend.get(row.day)!;
    point.humanClicks += row.humanClicks;
    point.uniqueVisits += row.uniqueVisits;
    point.conversions += row.conversions;
    const share = byShare.get(row.shareId) ?? { humanClicks: 0, uniqueVisits: 0, conversions: 0 };
    share.humanClicks += row.humanClicks;
    share.uniqueVisits += row.uniqueVisits;
    share.conversions += row.conversions;
    byShare.set(row.shareId, share);
  }

  const sharers: ContentSharer[] = [];
  const advocates = new Set<string>();
  for (const share of shares) {
    const inRange = share.wentOut && share.day >= query.range.from && share.day <= query.range.to;
    if (inRange) {
      totals.shares += 1;
      totals.estimatedReach += share.reach;
      if (share.estimate) totals.reachIsEstimate = true;
      advocates.add(share.membershipId);
      const point = trend.get(share.day)!;
      point.shares += 1;
      point.estimatedReach += share.reach;
    }
    const brought = byShare.get(share.id);
    if (!inRange && !brought) continue;
    const person = personById.get(share.membershipId);
    sharers.push({
      shareId: share.id,
      membershipId: share.membershipId,
      name: person?.user.name ?? "Former member",
      handle: person?.handle ?? null,
      channel: share.channel,
      status: share.status,
      sharedAt: share.createdAt,
      day: share.day,
      inRange,
      humanClicks: brought?.humanClicks ?? 0,
      uniqueVisits: brought?.uniqueVisits ?? 0,
      conversions: brought?.conversions ?? 0,
    });
  }
  sharers.sort(
    (a, b) =>
      b.uniqueVisits - a.uniqueVisits ||
      b.humanClicks - a.humanClicks ||
      b.conversions - a.conversions ||
      b.sharedAt.getTime() - a.sharedAt.getTime() ||
      a.shareId.localeCompare(b.shareId),
  );

  totals.people = advocates.size;
  totals.conversionValue = Math.round(totals.conversionValue * 100) / 100;
  totals.emv = earnedMediaValue(
    { impressions: totals.estimatedReach, clicks: totals.humanClicks },
    settings,
  );
  return {
    item,
    range: query.range,
    currency: settings.currency,
    totals,
    outcomes,
    trend: [...trend.values()],
    sharers,
  };
}

const EMPTY_TOTALS: ContentPerformance["totals"] = {
  shares: 0,
  people: 0,
  humanClicks: 0,
  uniqueVisits: 0,
  conversions: 0,
  conversionValue: 0,
  estimatedReach: 0,
  reachIsEstimate: false,
  emv: 0,
};

interface ItemScope extends AnalyticsQuery {
  itemId: string;
  /** Memberships in scope (null = the whole organisation). */
  members: string[] | null;
}

interface ShareRow {
  id: string;
  membershipId: string;
  channel: ShareChannel;
  status: ShareStatus;
  createdAt: Date;
  day: string;
  wentOut: boolean;
  reach: number;
  estimate: boolean;
}

/** The post's shares in scope that went out in the range, or have rollup rows in it. */
async function itemShares(scope: ItemScope, settings: AnalyticsSettings): Promise<ShareRow[]> {
  const { start, end } = rangeBounds(scope.range, settings.timeZone);
  return db.$queryRaw<ShareRow[]>`
    SELECT sh."id", sh."membershipId", sh."channel"::text AS "channel",
      sh."status"::text AS "status", sh."createdAt",
      ${shareDaySql(settings.timeZone)} AS "day",
      (${sharedStatusSql()}) AS "wentOut",
      ${impressionsSql(settings.reachRate, settings.defaultNetworkSize)}::float8 AS "reach",
      sh."impressions" IS NULL AS "estimate"
    FROM "Share" sh
    WHERE sh."orgId" = ${scope.orgId} AND sh."itemId" = ${scope.itemId}
      ${scopeFilter(scope.members, Prisma.sql`sh."membershipId"`)}
      AND ((sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
            AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
        OR EXISTS (SELECT 1 FROM "ShareDailyStats" d
          WHERE d."shareId" = sh."id"
            AND d."day" BETWEEN ${scope.range.from}::date AND ${scope.range.to}::date))`;
}

type OutcomeCounts = Record<(typeof OUTCOME_COLUMN)[ConversionOutcome], number>;

interface StatsRow extends OutcomeCounts {
  shareId: string;
  day: string;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
}

/** The post's daily rollup rows in the range, per share (rollups copy the item and member). */
async function itemStats(scope: ItemScope): Promise<StatsRow[]> {
  return db.$queryRaw<StatsRow[]>`
    SELECT d."shareId", to_char(d."day", 'YYYY-MM-DD') AS "day",
      d."humanClicks", d."uniqueVisits", d."conversions",
      d."visits", d."signups", d."applications", d."hires", d."leads", d."opportunities",
      d."deals", d."conversionValue"::float8 AS "conversionValue"
    FROM "ShareDailyStats" d
    WHERE d."orgId" = ${scope.orgId} AND d."itemId" = ${scope.itemId}
      AND d."day" BETWEEN ${scope.range.from}::date AND ${scope.range.to}::date
      ${scopeFilter(scope.members, Prisma.sql`d."membershipId"`)}`;
}
