import { Prisma } from "@/lib/generated/prisma/client";
import type { AnalyticsScope } from "@/lib/analytics/types";

/**
 * `AND <column> IN (members of the scope's teams)` — nothing for the whole organisation. Team
 * scope means the teams' current members (TeamMember rows), for every period.
 */
export function scopeFilter(scope: AnalyticsScope, column: Prisma.Sql): Prisma.Sql {
  if (scope.teamIds === null) return Prisma.empty;
  return Prisma.sql`AND ${column} IN (
    SELECT tm."membershipId" FROM "TeamMember" tm
    WHERE tm."orgId" = ${scope.orgId} AND tm."teamId" = ANY(${scope.teamIds}::text[]))`;
}

/** Impressions of one share (alias `sh`), LinkedIn's when known, else the estimate (emv.ts). */
export function impressionsSql(reachRate: number, defaultNetworkSize: number): Prisma.Sql {
  return Prisma.sql`COALESCE(sh."impressions"::numeric,
    round((COALESCE(sh."networkSize", ${defaultNetworkSize}::int)::float8 * ${reachRate}::float8)::numeric))`;
}

/** The calendar day of a share (alias `sh`) in the organisation's time zone, as YYYY-MM-DD. */
export function shareDaySql(timeZone: string): Prisma.Sql {
  return Prisma.sql`to_char((sh."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
}

/** Shares that went out (alias `sh`): SHARED or POSTED; scheduled or failed ones are not shares yet. */
export function sharedStatusSql(): Prisma.Sql {
  return Prisma.sql`sh."status" IN ('SHARED', 'POSTED')`;
}
