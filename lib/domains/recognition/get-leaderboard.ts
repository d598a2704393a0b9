import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { getRecognitionSettings } from "@/lib/domains/recognition/get-recognition-settings";
import { periodStart, type LeaderboardPeriod } from "@/lib/domains/recognition/leaderboard-period";

export interface LeaderboardEntry {
  membershipId: string;
  name: string;
  handle: string | null;
  points: number;
  /** Shared by ties: 1, 2, 2, 4. */
  rank: number;
}

export interface Leaderboard {
  /** Admins switched leaderboards off (OrgSettings.leaderboardsEnabled): no ranking at all. */
  enabled: boolean;
  /** null: the organisation; else the team ranked. */
  teamId: string | null;
  period: LeaderboardPeriod;
  from: string | null;
  top: LeaderboardEntry[];
  me: {
    points: number;
    /** My rank among the people shown — or, opted out, where I would stand; null without points. */
    rank: number | null;
    optedOut: boolean;
    /** How many people are ranked (points > 0, active, not opted out). */
    ranked: number;
  };
}

const TOP = 10;

/**
 * The leaderboard of the organisation, or of one of the viewer's teams, for a period: the top 10
 * by points in the ledger, plus the viewer's own points and rank. People who opted out
 * (Membership.leaderboardOptOut) and inactive members appear in nobody's ranking; an opted-out
 * viewer still sees their points and where they would stand. Only people with points are ranked.
 * One aggregate for the period: over the PointsAward ledger for a week, over PointsMonthly (kept
 * from the ledger by triggers) for a month, a quarter or all time. With leaderboards
 * switched off, nobody is ranked: the viewer gets their own points only.
 */
export async function getLeaderboard(
  access: Access,
  {
    period,
    teamId = null,
    now = new Date(),
  }: {
    period: LeaderboardPeriod;
    teamId?: string | null;
    now?: Date;
  },
): Promise<Leaderboard> {
  if (teamId !== null) {
    // Only the viewer's own teams; another team (or another organisation's) answers 404.
    const member = await db.teamMember.findFirst({
      where: { orgId: access.orgId, teamId, membershipId: access.membershipId },
      select: { teamId: true },
    });
    if (!member) throw notFound("Team");
  }
  const from = periodStart(period, now, access.org.timeZone);
  const teamFilter =
    teamId === null
      ? Prisma.empty
      : Prisma.sql`AND p."membershipId" IN (
          SELECT tm."membershipId" FROM "TeamMember" tm
          WHERE tm."orgId" = ${access.orgId} AND tm."teamId" = ${teamId})`;
  // A week sums its days in the ledger; a month, a quarter and all time start on the first of a
  // month, so they sum the monthly totals the ledger's triggers keep (one row per person and month).
  const totals =
    period === "week"
      ? Prisma.sql`SELECT p."membershipId", SUM(p."points")::int AS "points"
          FROM "PointsAward" p
          WHERE p."orgId" = ${access.orgId} AND p."day" >= ${from}::date ${teamFilter}
          GROUP BY p."membershipId"`
      : Prisma.sql`SELECT p."membershipId", SUM(p."points")::int AS "points"
          FROM "PointsMonthly" p
          WHERE p."orgId" = ${access.orgId}
            ${from === null ? Prisma.empty : Prisma.sql`AND p."month" >= ${from}::date`} ${teamFilter}
          GROUP BY p."membershipId"`;

  const rows = await db.$queryRaw<
    (LeaderboardEntry & { ranked: number; isMe: boolean; optOut: boolean })[]
  >`
    WITH totals AS (${totals}),
    eligible AS (
      SELECT t."membershipId", t."points", m."leaderboardOptOut" AS "optOut", m."handle",
        m."userId"
      FROM totals t JOIN "Membership" m ON m."id" = t."membershipId"
      WHERE m."orgId" = ${access.orgId} AND m."status" = 'ACTIVE' AND t."points" > 0
    ),
    ranked AS (
      SELECT e.*, RANK() OVER (ORDER BY e."points" DESC)::int AS "rank",
        COUNT(*) OVER ()::int AS "ranked"
      FROM eligible e WHERE NOT e."optOut"
    ),
    top AS (
      SELECT r.* FROM ranked r ORDER BY r."rank", r."membershipId" LIMIT ${TOP}
    )
    SELECT x."membershipId", u."name", x."handle", x."points", x."rank", x."ranked",
      x."membershipId" = ${access.membershipId} AS "isMe", x."optOut"
    FROM (
      SELECT "membershipId", "handle", "userId", "points", "rank", "ranked", false AS "optOut"
      FROM top
      UNION
      SELECT e."membershipId", e."handle", e."userId", e."points",
        (SELECT COUNT(*) FROM ranked r WHERE r."points" > e."points")::int + 1,
        (SELECT COUNT(*) FROM ranked)::int, e."optOut"
      FROM eligible e WHERE e."membershipId" = ${access.membershipId}
    ) x
    JOIN "User" u ON u."id" = x."userId"
    ORDER BY x."rank", u."name", x."membershipId"`;

  const { leaderboardsEnabled: enabled } = await getRecognitionSettings(access.orgId);
  const mine = rows.find((r) => r.isMe);
  const top = rows
    .filter((r) => !(r.isMe && r.optOut))
    .filter((r, i, all) => all.findIndex((o) => o.membershipId === r.membershipId) === i)
    .slice(0, TOP)
    .map(({ membershipId, name, handle, points, rank }) => ({
      membershipId,
      name,
      handle,
      points,
      rank,
    }));
  const optedOut = mine?.optOut ?? (await isOptedOut(access));
  return {
    enabled,
    teamId,
    period,
    from,
    top: enabled ? top : [],
    me: {
      points: mine?.points ?? 0,
      rank: mine && enabled ? mine.rank : null,
      optedOut,
      ranked: enabled ? (rows[0]?.ranked ?? 0) : 0,
    },
  };
}

async function isOptedOut(access: Access): Promise<boolean> {
  const m = await db.membership.findUnique({
    where: { id: access.membershipId },
    select: { leaderboardOptOut: true },
  });
  return m?.leaderboardOptOut ?? false;
}
