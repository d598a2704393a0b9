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
