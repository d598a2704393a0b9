import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { TeamResult } from "@/lib/domains/sharing/for-you-order";

/** How far back "what did well in my team" looks. */
export const TEAM_RESULTS_DAYS = 60;

/**
 * What colleagues in the member's teams shared in the last 60 days and how it did: per item, its
 * best team by unique visits per share (ShareDailyStats rollups, bots and repeat visits already
 * left out). One aggregate query for the whole feed. The member's own shares do not count.
 */
export async function listTeamResults(
  access: Pick<Access, "orgId" | "membershipId">,
  now = new Date(),
): Promise<Map<string, TeamResult>> {
  const since = new Date(now.getTime() - TEAM_RESULTS_DAYS * 86_400_000);
  const rows = await db.$queryRaw<
    { itemId: string; teamName: string; shares: number; uniqueVisits: number }[]
  >`
    WITH per_team AS (
      SELECT sh."itemId", t."name" AS "teamName",
             COUNT(DISTINCT sh."id")::int AS "shares",
             COALESCE(SUM(d."uniqueVisits"), 0)::int AS "uniqueVisits"
      FROM "Share" sh
      JOIN "TeamMember" tm ON tm."membershipId" = sh."membershipId"
      JOIN "Team" t ON t."id" = tm."teamId"
      LEFT JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
      WHERE sh."orgId" = ${access.orgId}
        AND sh."createdAt" >= ${since}
        AND sh."status" IN ('SHARED', 'POSTED')
        AND sh."membershipId" <> ${access.membershipId}
        AND tm."teamId" IN (
          SELECT "teamId" FROM "TeamMember"
          WHERE "orgId" = ${access.orgId} AND "membershipId" = ${access.membershipId}
        )
      GROUP BY sh."itemId", t."id", t."name"
    )
    SELECT DISTINCT ON ("itemId") "itemId", "teamName", "shares", "uniqueVisits"
    FROM per_team
    ORDER BY "itemId", "uniqueVisits"::float / "shares" DESC, "teamName"`;
  return new Map(rows.map(({ itemId, ...result }) => [itemId, result]));
}

/**
 * listTeamResults for many members of one organisation in one statement (the weekly digest's
 * batches): each team's figures per item once, minus the member's own shares in it, so each
 * member's map is exactly what listTeamResults answers for them.
 */
export async function listTeamResultsFor(
  orgId: string,
  membershipIds: readonly string[],
  now = new Date(),
): Promise<Map<string, Map<string, TeamResult>>> {
  const since = new Date(now.getTime() - TEAM_RESULTS_DAYS * 86_400_000);
  const ids = [...membershipIds];
  const rows = await db.$queryRaw<
    {
      membershipId: string;
      itemId: string;
      teamName: string;
      shares: number;
      uniqueVisits: number;
    }[]
  >`
    WITH mine AS (
      SELECT "membershipId" AS "mid", "teamId" FROM "TeamMember"
      WHERE "orgId" = ${orgId} AND "membershipId" = ANY(${ids}::text[])
    ),
    per_share AS (
      SELECT sh."id", sh."itemId", sh."membershipId",
             COALESCE(SUM(d."uniqueVisits"), 0) AS "visits"
      FROM "Share" sh
      LEFT JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
      WHERE sh."orgId" = ${orgId}
        AND sh."createdAt" >= ${since}
        AND sh."status" IN ('SHARED', 'POSTED')
        AND sh."membershipId" IN (
          SELECT tm."membershipId" FROM "TeamMember" tm
          WHERE tm."orgId" = ${orgId} AND tm."teamId" IN (SELECT "teamId" FROM mine)
        )
      GROUP BY sh."id"
    ),
    team_item AS (
      SELECT tm."teamId", ps."itemId", COUNT(*) AS "shares", SUM(ps."visits") AS "visits"
      FROM per_share ps
      JOIN "TeamMember" tm ON tm."membershipId" = ps."membershipId"
        AND tm."teamId" IN (SELECT "teamId" FROM mine)
      GROUP BY tm."teamId", ps."itemId"
    ),
    own AS (
      SELECT mine."mid", mine."teamId", ps."itemId",
             COUNT(*) AS "shares", SUM(ps."visits") AS "visits"
      FROM mine JOIN per_share ps ON ps."membershipId" = mine."mid"
      GROUP BY mine."mid", mine."teamId", ps."itemId"
    ),
    per_member AS (
      SELECT mine."mid", ti."itemId", t."name" AS "teamName",
             (ti."shares" - COALESCE(own."shares", 0))::int AS "shares",
             (ti."visits" - COALESCE(own."visits", 0))::int AS "uniqueVisits"
      FROM mine
      JOIN team_item ti ON ti."teamId" = mine."teamId"
      JOIN "Team" t ON t."id" = mine."teamId"
      LEFT JOIN own ON own."mid" = mine."mid" AND own."teamId" = mine."teamId"
        AND own."itemId" = ti."itemId"
    )
    SELECT DISTINCT ON ("mid", "itemId") "mid" AS "membershipId", "itemId", "teamName",
           "shares", "uniqueVisits"
    FROM per_member
    WHERE "shares" > 0
    ORDER BY "mid", "itemId", "uniqueVisits"::float / "shares" DESC, "teamName"`;
  const byMember = new Map<string, Map<string, TeamResult>>(ids.map((id) => [id, new Map()]));
  for (const { membershipId, itemId, ...result } of rows) {
    byMember.get(membershipId)?.set(itemId, result);
  }
  return byMember;
}
