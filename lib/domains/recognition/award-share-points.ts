import type { Tx } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedShareSql, sqlId } from "@/lib/domains/recognition/counted-sql";
import { DEFAULT_POINTS_SETTINGS as D, VARIETY_DAYS } from "@/lib/domains/recognition/points-rules";

/**
 * Writes the SHARE, OWN_WORDS and VARIETY points of shares that count (points-rules.ts
 * `sharePoints`, in SQL), on the share's day in the organisation's time zone. Shares that do not
 * count (yet) are skipped. Idempotent: the ledger's unique (shareId, reason, day) makes a second
 * call — or a concurrent one — insert nothing. Returns the shares that got their points now.
 */
export async function awardSharePoints(
  tx: Tx,
  shareIds: string[],
): Promise<{ shareId: string; orgId: string; membershipId: string }[]> {
  if (shareIds.length === 0) return [];
  return tx.$queryRaw<{ shareId: string; orgId: string; membershipId: string }[]>`
    WITH s AS (
      SELECT sh."id", sh."orgId", sh."membershipId", sh."authenticity", sh."createdAt",
        ci."valueType",
        ((sh."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE o."timeZone")::date AS "day",
        COALESCE(st."pointsPerShare", ${D.pointsPerShare}::int) AS "perShare",
        COALESCE(st."pointsOwnWords", ${D.pointsOwnWords}::int) AS "ownWords",
        COALESCE(st."pointsVariety", ${D.pointsVariety}::int) AS "variety"
      FROM "Share" sh
      JOIN "ContentItem" ci ON ci."id" = sh."itemId"
      JOIN "Organization" o ON o."id" = sh."orgId"
      LEFT JOIN "OrgSettings" st ON st."orgId" = sh."orgId"
      WHERE sh."id" = ANY(${shareIds}::text[]) AND ${countedShareSql}
    ),
    rows AS (
      SELECT s."id", s."orgId", s."membershipId", s."day", 'SHARE'::"PointsReason" AS "reason",
        s."perShare" AS "points"
      FROM s
      UNION ALL
      SELECT s."id", s."orgId", s."membershipId", s."day", 'OWN_WORDS',
        floor(s."ownWords" * LEAST(1, GREATEST(0, s."authenticity")) + 0.5 + 1e-9)::int
      FROM s
      UNION ALL
      SELECT s."id", s."orgId", s."membershipId", s."day", 'VARIETY', s."variety"
      FROM s
      WHERE NOT EXISTS (
        SELECT 1 FROM "Share" sh JOIN "ContentItem" pi ON pi."id" = sh."itemId"
        WHERE sh."orgId" = s."orgId" AND sh."membershipId" = s."membershipId"
          AND sh."id" <> s."id" AND ${countedShareSql} AND pi."valueType" = s."valueType"
          AND sh."createdAt" >= s."createdAt" - make_interval(days => ${VARIETY_DAYS}::int)
          AND sh."createdAt" < s."createdAt")
    ),
    inserted AS (
      INSERT INTO "PointsAward"
        ("id", "orgId", "membershipId", "shareId", "reason", "day", "points", "updatedAt")
      SELECT ${sqlId("pts")}, r."orgId", r."membershipId", r."id", r."reason", r."day", r."points", now()
      FROM rows r WHERE r."points" > 0
      ON CONFLICT ("shareId", "reason", "day") DO NOTHING
      RETURNING "shareId", "orgId", "membershipId", "reason"
    )
    SELECT DISTINCT "shareId", "orgId", "membershipId" FROM inserted WHERE "reason" = 'SHARE'`;
}

/**
 * Shares of `shareIds` that count but have no SHARE points yet (confirmed by a click on their
 * link, made before the ledger existed, or written straight into the database by the seed).
 */
export async function sharesMissingPoints(tx: Tx, shareIds: string[] | null, orgId?: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT sh."id" FROM "Share" sh
    WHERE ${shareIds === null ? Prisma.sql`sh."orgId" = ${orgId ?? ""}` : Prisma.sql`sh."id" = ANY(${shareIds}::text[])`}
      AND ${countedShareSql}
      AND NOT EXISTS (
        SELECT 1 FROM "PointsAward" p WHERE p."shareId" = sh."id" AND p."reason" = 'SHARE')`;
  return rows.map((r) => r.id);
}
