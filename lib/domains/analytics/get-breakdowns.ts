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
  TeamRow,
  ValueTypeRow,
} from "@/lib/domains/analytics/types";
import { assertDayRange, rangeBounds } from "@/lib/domains/analytics/day-range";
import { earnedMediaValue } from "@/lib/domains/analytics/emv";
import { pointsByMember } from "@/lib/domains/analytics/points";
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
 * Breakdowns of a range: by value type and by goal (which kinds of content bring clicks and
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
  const [stats, shares, teams, points] = await Promise.all([
    empty || scopeShares?.length === 0 ? [] : statsByItemAndMember(query, scopeShares),
    empty ? [] : sharesByItemAndMember(query, scopeMembers, settings),
    teamsInScope(query),
    pointsByMember(query.orgId, query.range, scopeMembers),
  ]);

  const itemIds = [...new Set([...stats, ...shares].map((r) => r.itemId))];
  const memberIds = [
    ...new Set([...[...stats, ...shares].map((r) => r.membershipId), ...points.keys()]),
  ];
  const [items, members] = await Promise.all([
    itemIds.length
      ? db.contentItem.findMany({
          where: { orgId: query.orgId, id: { in: itemIds } },
          select: { id: true, title: true, valueType: true, goals: true },
        })
      : [],
    memberIds.length
      ? db.membership.findMany({
          where: { orgId: query.orgId, id: { in: memberIds } },
          select: { id: true, handle: true, user: { select: { name: true } } },
        })
      : [],
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const teamsOf = new Map<string, string[]>();
  for (const t of teams) {
    for (const m of t.memberIds) teamsOf.set(m, [...(teamsOf.get(m) ?? []), t.id]);
  }

  const byValueType = new Map<ValueType, Acc>(VALUE_TYPES.map((v) => [v.id, newAcc()]));
  const byGoal = new Map<BusinessGoal, Acc>(GOALS.map((g) => [g.id, newAcc()]));
  const byItem = new Map<string, Acc>();
  const byMember = new Map<string, Acc>();
  const byTeam = new Map<string, Acc>(teams.map((t) => [t.id, newAcc()]));
  const total = newAcc();

  const targets = (itemId: string, membershipId: string): Acc[] => {
    const item = itemById.get(itemId);
    const list = [total, getAcc(byItem, itemId), getAcc(byMember, membershipId)];
    if (item) {
      list.push(byValueType.get(item.valueType)!);
      for (const g of item.goals) list.push(byGoal.get(g)!);
    }
    for (const teamId of teamsOf.get(membershipId) ?? []) list.push(byTeam.get(teamId)!);
    return list;
  };
  for (const row of stats) {
    for (const acc of targets(row.itemId, row.membershipId)) addStats(acc, row);
  }
  for (const row of shares) {
    for (const acc of targets(row.itemId, row.membershipId)) {
      acc.shares += row.shares;
      acc.estimatedReach += row.reach;
      acc.advocates.add(row.membershipId);
    }
  }

  const row = (key: string, label: string, acc: Acc): BreakdownRow => ({
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

  const topContent: ContentRow[] = [...byItem]
    .flatMap(([itemId, acc]) => {
      const item = itemById.get(itemId);
      return item ? [{ ...row(itemId, item.title, acc), itemId, valueType: item.valueType }] : [];
    })
    .sort(
      (a, b) =>
        b.uniqueVisits - a.uniqueVisits ||
        b.conversions - a.conversions ||
        b.shares - a.shares ||
        a.label.localeCompare(b.label),
    )
    .slice(0, limit);

  const ranked = members
    .map((m) => {
      const acc = byMember.get(m.id) ?? newAcc();
      return {
        ...row(m.id, m.user.name, acc),
        membershipId: m.id,
        handle: m.handle,
        points: points.get(m.id) ?? 0,
      };
    })
    .sort((a, b) => b.points - a.points || a.label.localeCompare(b.label));
  let rank = 0;
  const leaderboard: LeaderboardRow[] = ranked.map((r, i) => {
    if (i === 0 || r.points !== ranked[i - 1]!.points) rank = i + 1;
    return { ...r, rank };
  });

  const teamRows: TeamRow[] = teams.map((t) => {
    const acc = byTeam.get(t.id)!;
    return {
      ...row(t.id, t.name, acc),
      teamId: t.id,
      members: t.activeMembers,
      activeAdvocates: acc.advocates.size,
    };
  });

  return {
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

interface Acc {
  shares: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
  estimatedReach: number;
  byArea: Record<BusinessGoal, number>;
  advocates: Set<string>;
}

function newAcc(): Acc {
  return {
    shares: 0,
    humanClicks: 0,
    uniqueVisits: 0,
    conversions: 0,
    conversionValue: 0,
    estimatedReach: 0,
    byArea: { MARKETING: 0, HR: 0, SALES: 0 },
    advocates: new Set(),
  };
}

function getAcc<K>(map: Map<K, Acc>, key: K): Acc {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = newAcc()));
  return acc;
}

interface StatsRow {
  itemId: string;
  membershipId: string;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  marketing: number;
  hr: number;
  sales: number;
  conversionValue: number;
}

function addStats(acc: Acc, row: StatsRow) {
  acc.humanClicks += row.humanClicks;
  acc.uniqueVisits += row.uniqueVisits;
  acc.conversions += row.conversions;
  acc.conversionValue += row.conversionValue;
  acc.byArea.MARKETING += row.marketing;
  acc.byArea.HR += row.hr;
  acc.byArea.SALES += row.sales;
}

async function statsByItemAndMember(
  query: AnalyticsQuery,
  shareIds: string[] | null,
): Promise<StatsRow[]> {
  return db.$queryRaw<StatsRow[]>`
    SELECT d."itemId", d."membershipId",
      SUM(d."humanClicks")::int AS "humanClicks", SUM(d."uniqueVisits")::int AS "uniqueVisits",
      SUM(d."conversions")::int AS "conversions",
      SUM(d."visits" + d."signups")::int AS "marketing",
      SUM(d."applications" + d."hires")::int AS "hr",
      SUM(d."leads" + d."opportunities" + d."deals")::int AS "sales",
      SUM(d."conversionValue")::float8 AS "conversionValue"
    FROM "ShareDailyStats" d
    WHERE d."orgId" = ${query.orgId}
      AND d."day" BETWEEN ${query.range.from}::date AND ${query.range.to}::date
      ${statsScopeFilter(shareIds)}
    GROUP BY 1, 2`;
}

interface SharesRow {
  itemId: string;
  membershipId: string;
  shares: number;
  reach: number;
}

async function sharesByItemAndMember(
  query: AnalyticsQuery,
  members: string[] | null,
  settings: AnalyticsSettings,
): Promise<SharesRow[]> {
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  return db.$queryRaw<SharesRow[]>`
    SELECT sh."itemId", sh."membershipId", COUNT(*)::int AS "shares",
      SUM(${impressionsSql(settings.reachRate, settings.defaultNetworkSize)})::float8 AS "reach"
    FROM "Share" sh
    WHERE sh."orgId" = ${query.orgId}
      AND sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND ${sharedStatusSql()}
      ${scopeFilter(members, Prisma.sql`sh."membershipId"`)}
    GROUP BY 1, 2`;
}

/** The teams of the scope with their current members (ids) and how many are active. */
async function teamsInScope(query: AnalyticsQuery) {
  const teams = await db.team.findMany({
    where: {
      orgId: query.orgId,
      ...(query.teamIds === null ? {} : { id: { in: query.teamIds } }),
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { select: { membershipId: true, membership: { select: { status: true } } } },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    memberIds: t.members.map((m) => m.membershipId),
    activeMembers: t.members.filter((m) => m.membership.status === "ACTIVE").length,
  }));
}
