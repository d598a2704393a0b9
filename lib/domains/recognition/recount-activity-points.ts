import type { Tx } from "@/lib/core/db/client";
import { awardBadges, OUTCOME_RULES, SHARE_RULES } from "@/lib/domains/recognition/award-badges";
import {
  awardSharePoints,
  sharesMissingPoints,
} from "@/lib/domains/recognition/award-share-points";
import { countedShareSql, sqlId } from "@/lib/domains/recognition/counted-sql";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import { DEFAULT_POINTS_SETTINGS as D } from "@/lib/domains/recognition/points-rules";

/**
 * Called by the rollup (lib/domains/analytics/rollup.ts) inside its transaction, right after it
 * recounted these share-days: recounts their VISITS and OUTCOMES points from the fresh
 * ShareDailyStats rows (points-rules.ts `dayPoints`: unique human visits capped per share and
 * day, outcomes attributed), so the ledger is always equal to a recount — never an increment.
 * It also gives shares that started to count through a click on their link their share points,
 * and checks the outcome badges of the people whose shares brought outcomes.
 */
export async function recountActivityPoints(
  tx: Tx,
  shareIds: string[],
  days: string[],
): Promise<void> {
  if (shareIds.length === 0) return;
  const withOutcomes = await tx.$queryRaw<{ membershipId: string; orgId: string }[]>`
    WITH dirty AS (
      SELECT DISTINCT * FROM unnest(${shareIds}::text[], ${days}::date[]) AS d("shareId", "day")
    ),
    t AS (
      SELECT d."shareId", d."day", sh."orgId", sh."membershipId",
        CASE WHEN ${countedShareSql} THEN
          LEAST(COALESCE(x."uniqueVisits", 0), COALESCE(st."visitPointsCap", ${D.visitPointsCap}::int))
            * COALESCE(st."pointsPerVisit", ${D.pointsPerVisit}::int)
        ELSE 0 END AS "visits",
        CASE WHEN ${countedShareSql} THEN
          COALESCE(x."conversions", 0) * COALESCE(st."pointsPerConversion", ${D.pointsPerConversion}::int)
        ELSE 0 END AS "outcomes",
        COALESCE(x."conversions", 0) AS "conversions"
      FROM dirty d
      JOIN "Share" sh ON sh."id" = d."shareId"
      LEFT JOIN "ShareDailyStats" x ON x."shareId" = d."shareId" AND x."day" = d."day"
      LEFT JOIN "OrgSettings" st ON st."orgId" = sh."orgId"
    ),
    rows AS (
      SELECT "shareId", "day", "orgId", "membershipId", 'VISITS'::"PointsReason" AS "reason",
        "visits" AS "points" FROM t
      UNION ALL
      SELECT "shareId", "day", "orgId", "membershipId", 'OUTCOMES', "outcomes" FROM t
    ),
    upserted AS (
      INSERT INTO "PointsAward"
        ("id", "orgId", "membershipId", "shareId", "reason", "day", "points", "updatedAt")
      SELECT ${sqlId("pts")}, "orgId", "membershipId", "shareId", "reason", "day", "points", now()
      FROM rows WHERE "points" > 0
      ORDER BY "shareId", "reason", "day"
      ON CONFLICT ("shareId", "reason", "day") DO UPDATE SET
        "points" = EXCLUDED."points", "membershipId" = EXCLUDED."membershipId",
        "updatedAt" = now()
        WHERE "PointsAward"."points" <> EXCLUDED."points"
          OR "PointsAward"."membershipId" <> EXCLUDED."membershipId"
      RETURNING 1
    ),
    emptied AS (
      DELETE FROM "PointsAward" p USING rows r
      WHERE p."shareId" = r."shareId" AND p."day" = r."day" AND p."reason" = r."reason"
        AND r."points" = 0
      RETURNING 1
    )
    -- Data-modifying CTEs always run to completion, read or not.
    SELECT DISTINCT t."membershipId", t."orgId" FROM t WHERE t."conversions" > 0`;

  // Shares confirmed by a human click on their link since the last run.
  const missing = await sharesMissingPoints(tx, [...new Set(shareIds)]);
  const counted = missing.length ? await awardSharePoints(tx, missing) : [];

  const orgs = [...withOutcomes, ...counted].map((r) => r.orgId);
  if (orgs.length === 0) return;
  await ensureDefaultBadges(orgs, tx);
  if (withOutcomes.length) {
    await awardBadges(
      tx,
      withOutcomes.map((r) => r.membershipId),
      OUTCOME_RULES,
    );
  }
  if (counted.length) {
    await awardBadges(
      tx,
      counted.map((r) => r.membershipId),
      SHARE_RULES,
    );
  }
}
