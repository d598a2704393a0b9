import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type {
  AnalyticsQuery,
  BreakdownRow,
  Breakdowns,
  ContentRow,
  GoalRow,
  LeaderboardRow,
  NetworkRow,
  TeamRow,
  ValueTypeRow,
} from "@/lib/domains/analytics/types";
import { assertDayRange, rangeBounds } from "@/lib/domains/analytics/day-range";
import { earnedMediaValue } from "@/lib/domains/analytics/emv";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import {
  impressionsSql,
  scopeFilter,
  scopeMemberIds,
  scopeShareIds,
  statsScopeFilter,
  sharedStatusSql,
} from "@/lib/domains/analytics/scope-sql";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";

/**
 * Breakdowns of a range: clicks by network, by value type and by goal (which kinds of content bring clicks and
 * outcomes), top content, the advocates' leaderboard with points, teams, and the funnel
 * share → unique visit → conversion. Same period semantics as getOverview: clicks and
 * conversions by the day they happened (daily rollups), shares and reach by the day of the share.
 *
 * - An item with several goals counts in each of its goals' rows (goal rows do not add up).
 * - A member in several teams counts in each of their teams' rows (current team membership).
 * - `conversionsInArea` of a goal row: conversions in that goal's own area (HR: applications and
 *   hires; Sales: leads, opportunities, deals; Marketing: visits, sign-ups).
 * - Points: the PointsAward ledger's points of the period (lib/domains/recognition/points-rules.ts:
 *   shares, own words, variety, capped unique visits, outcomes); ranks are shared by ties (1, 2, 2, 4).
 */
export async function getBreakdowns(
  query: AnalyticsQuery,
  { limit = 10 }: { limit?: number } = {},
): Promise<Breakdowns> {
  assertDayRange(query.range);
  const [settings, scopeMembers] = await Promise.all([
    getOrgAnalyticsSettings(query.orgId),
    scopeMemberIds(query),
  ]);
  const empty = scopeMembers?.length === 0;
  const scopeShares = await scopeShareIds(query.orgId, scopeMembers);
  const noStats = empty || scopeShares?.length === 0;
  const scope: FigureScope = { query, members: scopeMembers, shareIds: scopeShares, settings };
  // Every figure is summed by the database (per item, per leading member, per team): what comes
  // back is a row per item and team and `limit` members, whatever the size of the organisation.
  const [byItem, networks, leaders, teams] = await Promise.all([
    empty ? [] : figuresByItem(scope, noStats),
    noStats ? [] : statsByNetwork(query, scopeShares),
    empty ? [] : leadingMembers(scope, noStats, limit),
    figuresByTeam(scope, noStats),
  ]);

  const byValueType = new Map<ValueType, Acc>(VALUE_TYPES.map((v) => [v.id, newAcc()]));
  const byGoal = new Map<BusinessGoal, Acc>(GOALS.map((g) => [g.id, newAcc()]));
  const total = newAcc();
  for (const item of byItem) {
    addFigures(total, item);
    if (item.valueType === null) continue; // an item gone meanwhile: in the totals only
    addFigures(byValueType.get(item.valueType)!, item);
    for (const g of item.goals ?? []) addFigures(byGoal.get(g)!, item);
  }

  const row = (key: string, label: string, acc: Figures): BreakdownRow => ({
    key,
    label,
    shares: acc.shares,
    humanClicks: acc.humanClicks,
    uniqueVisits: acc.uniqueVisits,
    conversions: acc.conversions,
    conversionValue: Math.round(acc.conversionValue * 100) / 100,
    estimatedReach: acc.estimatedReach,
    emv: earnedMediaValue({ impressions: acc.estimatedReach, clicks: acc.humanClicks }, settings),
    clicksPerShare: acc.shares ? acc.uniqueVisits / acc.shares : 0,
  });

  const valueTypes: ValueTypeRow[] = VALUE_TYPES.map((v) => ({
    ...row(v.id, v.label, byValueType.get(v.id)!),
    valueType: v.id,
  }));
  const goals: GoalRow[] = GOALS.map((g) => {
    const acc = byGoal.get(g.id)!;
    return { ...row(g.id, g.label, acc), goal: g.id, conversionsInArea: acc.byArea[g.id] };
  });

  const topContent: ContentRow[] = byItem
    .flatMap((item) =>
      item.valueType === null || item.title === null
        ? []
        : [
            {
              ...row(item.itemId, item.title, item),
              itemId: item.itemId,
              valueType: item.valueType,
            },
          ],
    )
    .sort(
      (a, b) =>
        b.uniqueVisits - a.uniqueVisits ||
        b.conversions - a.conversions ||
        b.shares - a.shares ||
        a.label.localeCompare(b.label),
    )
    .slice(0, limit);

  const ranked = leaders
    .map((m) => ({
      ...row(m.membershipId, m.name, m),
      membershipId: m.membershipId,
      handle: m.handle,
      points: m.points,
    }))
    .sort((a, b) => b.points - a.points || a.label.localeCompare(b.label));
  let rank = 0;
  const leaderboard: LeaderboardRow[] = ranked.map((r, i) => {
    if (i === 0 || r.points !== ranked[i - 1]!.points) rank = i + 1;
    return { ...r, rank };
  });

  const teamRows: TeamRow[] = teams.map((t) => ({
    ...row(t.teamId, t.name, t),
    teamId: t.teamId,
    members: t.members,
    activeAdvocates: t.activeAdvocates,
  }));

  return {
    networks,
    valueTypes,
    goals,
    topContent,
    leaderboard: leaderboard.slice(0, limit),
    teams: teamRows,
    funnel: {
      shares: total.shares,
      uniqueVisits: total.uniqueVisits,
      conversions: total.conversions,
    },
  };
}

/** The figures of one row: its shares and reach (by share day), clicks and outcomes (by day). */
interface Figures {
  shares: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
  estimatedReach: number;
  byArea: Record<BusinessGoal, number>;
}

interface FigureScope {
  query: AnalyticsQuery;
  members: string[] | null;
  shareIds: string[] | null;
  settings: AnalyticsSettings;
}

/** Raw sums of a grouped row (the columns of FIGURE_COLUMNS). */
interface FigureSums {
  shares: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  marketing: number;
  hr: number;
  sales: number;
  conversionValue: number;
  estimatedReach: number;
}

function figures(r: FigureSums): Figures {
  return {
    shares: r.shares,
    humanClicks: r.humanClicks,
    uniqueVisits: r.uniqueVisits,
    conversions: r.conversions,
    conversionValue: r.conversionValue,
    estimatedReach: r.estimatedReach,
    byArea: { MARKETING: r.marketing, HR: r.hr, SALES: r.sales },
  };
}

function addFigures(acc: Figures, r: Figures) {
  acc.shares += r.shares;
  acc.humanClicks += r.humanClicks;
  acc.uniqueVisits += r.uniqueVisits;
  acc.conversions += r.conversions;
  acc.conversionValue += r.conversionValue;
  acc.estimatedReach += r.estimatedReach;
  acc.byArea.MARKETING += r.byArea.MARKETING;
  acc.byArea.HR += r.byArea.HR;
  acc.byArea.SALES += r.byArea.SALES;
}

/**
 * A CTE `f`: the period's figures grouped by `key` (a column of ShareDailyStats `d`, Share `sh`
 * and PointsAward `p`), limited to the scope — clicks and outcomes by the day they happened (the
 * rollups), shares and reach by the day of the share, and (withPoints) the ledger's points. One
 * aggregate over the three sources' rows (UNION ALL): the planner's estimate stays the number of
 * keys (a join of separately grouped sources was estimated at billions of rows, which made
 * PostgreSQL JIT-compile the query for seconds).
 */
function periodFigures(
  scope: FigureScope,
  key: "itemId" | "membershipId",
  { noStats, withPoints }: { noStats: boolean; withPoints: boolean },
) {
  const { query, members, shareIds, settings } = scope;
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  const column = Prisma.raw(`"${key}"`);
  const points = withPoints
    ? Prisma.sql`
      UNION ALL
      SELECT p."membershipId", 0, 0, 0, 0, 0, 0, 0, 0, 0, p."points"
      FROM "PointsAward" p
      WHERE p."orgId" = ${query.orgId}
        AND p."day" BETWEEN ${query.range.from}::date AND ${query.range.to}::date
        ${scopeFilter(members, Prisma.sql`p."membershipId"`)}`
    : Prisma.empty;
  return Prisma.sql`
    f AS (
      SELECT x."key",
        SUM(x."shares")::int AS "shares", SUM(x."reach")::float8 AS "estimatedReach",
        SUM(x."humanClicks")::int AS "humanClicks", SUM(x."uniqueVisits")::int AS "uniqueVisits",
        SUM(x."conversions")::int AS "conversions", SUM(x."marketing")::int AS "marketing",
        SUM(x."hr")::int AS "hr", SUM(x."sales")::int AS "sales",
        SUM(x."conversionValue")::float8 AS "conversionValue", SUM(x."points")::int AS "points"
      FROM (
        SELECT d.${column} AS "key", 0 AS "shares", 0::numeric AS "reach", d."humanClicks",
          d."uniqueVisits", d."conversions", d."visits" + d."signups" AS "marketing",
          d."applications" + d."hires" AS "hr", d."leads" + d."opportunities" + d."deals" AS "sales",
          d."conversionValue"::float8 AS "conversionValue", 0 AS "points"
        FROM "ShareDailyStats" d
        WHERE d."orgId" = ${query.orgId} AND NOT ${noStats}
          AND d."day" BETWEEN ${query.range.from}::date AND ${query.range.to}::date
          ${statsScopeFilter(shareIds)}
        UNION ALL
        SELECT sh.${column}, 1, ${impressionsSql(settings.reachRate, settings.defaultNetworkSize)},
          0, 0, 0, 0, 0, 0, 0, 0
        FROM "Share" sh
        WHERE sh."orgId" = ${query.orgId}
          AND sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND ${sharedStatusSql()}
          ${scopeFilter(members, Prisma.sql`sh."membershipId"`)}
        ${points}
      ) x
      GROUP BY x."key"
    )`;
}

/** The figure columns of `f` (see periodFigures). */
const FIGURE_COLUMNS = Prisma.sql`
  f."shares", f."estimatedReach", f."humanClicks", f."uniqueVisits", f."conversions",
  f."marketing", f."hr", f."sales", f."conversionValue"`;

interface ItemFigures extends Figures {
  itemId: string;
  title: string | null;
  valueType: ValueType | null;
  goals: BusinessGoal[] | null;
}

/** Every item with shares or clicks or outcomes in the period, with its figures. */
async function figuresByItem(scope: FigureScope, noStats: boolean): Promise<ItemFigures[]> {
  const rows = await db.$queryRaw<
    (FigureSums & {
      itemId: string;
      title: string | null;
      valueType: ValueType | null;
      goals: BusinessGoal[] | null;
    })[]
  >`
    WITH ${periodFigures(scope, "itemId", { noStats, withPoints: false })}
    SELECT f."key" AS "itemId", i."title", i."valueType"::text AS "valueType",
      i."goals"::text[] AS "goals", ${FIGURE_COLUMNS}
    FROM f
    LEFT JOIN "ContentItem" i ON i."id" = f."key" AND i."orgId" = ${scope.query.orgId}`;
  return rows.map((r) => ({
    ...figures(r),
    itemId: r.itemId,
    title: r.title,
    valueType: r.valueType,
    goals: r.goals,
  }));
}

interface MemberFigures extends Figures {
  membershipId: string;
  handle: string;
  name: string;
  points: number;
}

/**
 * The leaderboard's members: the `limit` with the most points in the period (among those with
 * shares, clicks, outcomes or points in it), with their figures. Ties are ordered by name here
 * (case-insensitively) and again by the caller with the locale's rules.
 */
async function leadingMembers(
  scope: FigureScope,
  noStats: boolean,
  limit: number,
): Promise<MemberFigures[]> {
  const { query } = scope;
  const rows = await db.$queryRaw<
    (FigureSums & { membershipId: string; handle: string; name: string; points: number })[]
  >`
    WITH ${periodFigures(scope, "membershipId", { noStats, withPoints: true })}
    SELECT m."id" AS "membershipId", m."handle", u."name", f."points", ${FIGURE_COLUMNS}
    FROM f
    JOIN "Membership" m ON m."id" = f."key" AND m."orgId" = ${query.orgId}
    JOIN "User" u ON u."id" = m."userId"
    ORDER BY f."points" DESC, lower(u."name"), u."name", m."id"
    LIMIT ${limit}::bigint`;
  return rows.map((r) => ({
    ...figures(r),
    membershipId: r.membershipId,
    handle: r.handle,
    name: r.name,
    points: r.points,
  }));
}

interface TeamFigures extends Figures {
  teamId: string;
  name: string;
  /** Active members today. */
  members: number;
  /** Members with a share in the period. */
  activeAdvocates: number;
}

/**
 * The teams of the scope (by name) with their current members' figures: a member of two teams
 * counts in both.
 */
async function figuresByTeam(scope: FigureScope, noStats: boolean): Promise<TeamFigures[]> {
  const { query } = scope;
  const teamFilter =
    query.teamIds === null ? Prisma.empty : Prisma.sql`AND t."id" = ANY(${query.teamIds}::text[])`;
  if (query.teamIds?.length === 0) return [];
  const rows = await db.$queryRaw<
    (FigureSums & { teamId: string; name: string; members: number; activeAdvocates: number })[]
  >`
    WITH ${periodFigures(scope, "membershipId", { noStats, withPoints: false })}
    SELECT t."id" AS "teamId", t."name",
      COUNT(tm."membershipId") FILTER (WHERE m."status" = 'ACTIVE')::int AS "members",
      COUNT(*) FILTER (WHERE f."shares" > 0)::int AS "activeAdvocates",
      COALESCE(SUM(f."shares"), 0)::int AS "shares",
      COALESCE(SUM(f."estimatedReach"), 0)::float8 AS "estimatedReach",
      COALESCE(SUM(f."humanClicks"), 0)::int AS "humanClicks",
      COALESCE(SUM(f."uniqueVisits"), 0)::int AS "uniqueVisits",
      COALESCE(SUM(f."conversions"), 0)::int AS "conversions",
      COALESCE(SUM(f."marketing"), 0)::int AS "marketing",
      COALESCE(SUM(f."hr"), 0)::int AS "hr", COALESCE(SUM(f."sales"), 0)::int AS "sales",
      COALESCE(SUM(f."conversionValue"), 0)::float8 AS "conversionValue"
    FROM "Team" t
    LEFT JOIN "TeamMember" tm ON tm."teamId" = t."id"
    LEFT JOIN "Membership" m ON m."id" = tm."membershipId"
    LEFT JOIN f ON f."key" = tm."membershipId"
    WHERE t."orgId" = ${query.orgId} ${teamFilter}
    GROUP BY t."id", t."name"
    ORDER BY t."name", t."id"`;
  return rows.map((r) => ({
    ...figures(r),
    teamId: r.teamId,
    name: r.name,
    members: r.members,
    activeAdvocates: r.activeAdvocates,
  }));
}

type Acc = Figures;

function newAcc(): Acc {
  return {
    shares: 0,
    humanClicks: 0,
    uniqueVisits: 0,
    conversions: 0,
    conversionValue: 0,
    estimatedReach: 0,
    byArea: { MARKETING: 0, HR: 0, SALES: 0 },
  };
}

/** Clicks by network: the rollup rows carry their share's network. */
async function statsByNetwork(
  query: AnalyticsQuery,
  shareIds: string[] | null,
): Promise<NetworkRow[]> {
  return db.$queryRaw<NetworkRow[]>`
    SELECT d."network"::text AS "network",
      SUM(d."humanClicks")::int AS "humanClicks", SUM(d."uniqueVisits")::int AS "uniqueVisits",
      SUM(d."conversions")::int AS "conversions"
    FROM "ShareDailyStats" d
    WHERE d."orgId" = ${query.orgId}
      AND d."day" BETWEEN ${query.range.from}::date AND ${query.range.to}::date
      ${statsScopeFilter(shareIds)}
    GROUP BY 1
    ORDER BY 2 DESC, 1`;
}
