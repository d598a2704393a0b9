import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnalyticsScope } from "@/lib/domains/analytics/types";

/**
 * The memberships a scope covers: null for the whole organisation; otherwise the current members
 * (TeamMember rows) of the scope's teams, in any status — their past activity still counts.
 */
export async function scopeMemberIds(scope: AnalyticsScope): Promise<string[] | null> {
  if (scope.teamIds === null) return null;
  if (scope.teamIds.length === 0) return [];
  const rows = await db.teamMember.findMany({
    where: { orgId: scope.orgId, teamId: { in: scope.teamIds } },
    select: { membershipId: true },
    distinct: ["membershipId"],
  });
  return rows.map((r) => r.membershipId);
}

/**
 * The shares of the scope's members (any status): null for the whole organisation. Rollup rows of
 * a team are then read through their primary key (shareId, day) instead of scanning every row of
 * the organisation's period and filtering by person.
 */
export async function scopeShareIds(
  orgId: string,
  members: string[] | null,
): Promise<string[] | null> {
  if (members === null) return null;
  if (members.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT sh."id" FROM "Share" sh
    WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ANY(${members}::text[])`;
  return rows.map((r) => r.id);
}

/** `AND d."shareId" = ANY(<share ids>)` for rollup rows (alias `d`); nothing for the whole org. */
export function statsScopeFilter(shareIds: string[] | null): Prisma.Sql {
  if (shareIds === null) return Prisma.empty;
  return Prisma.sql`AND d."shareId" = ANY(${shareIds}::text[])`;
}

/**
 * `AND <column> …` restricting rows to the scope's members — nothing for the whole organisation.
 * - with member ids (from scopeMemberIds): `= ANY(ids)`, a plain array check for the planner;
 * - with a scope: `IN (current members of the scope's teams)` as a subquery.
 * Team scope means the teams' current members (TeamMember rows), for every period.
 */
export function scopeFilter(
  scope: AnalyticsScope | string[] | null,
  column: Prisma.Sql,
): Prisma.Sql {
  if (scope === null) return Prisma.empty;
  if (Array.isArray(scope)) return Prisma.sql`AND ${column} = ANY(${scope}::text[])`;
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
