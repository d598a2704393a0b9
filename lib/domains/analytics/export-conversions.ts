import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import type { AnalyticsQuery } from "@/lib/domains/analytics/types";
import { rangeBounds } from "@/lib/domains/analytics/day-range";
import { AREA_LABELS, OUTCOME_AREA } from "@/lib/domains/analytics/outcomes";
import type { AnalyticsSettings } from "@/lib/domains/analytics/org-analytics-settings";
import { scopeFilter } from "@/lib/domains/analytics/scope-sql";

export const CONVERSIONS_EXPORT_HEADER = [
  "occurred_at_utc",
  "day",
  "outcome",
  "area",
  "value",
  "currency",
  "share_code",
  "advocate",
  "advocate_handle",
  "item_id",
  "item_title",
  "click_id",
];

interface ConversionExportRow {
  id: string;
  cursorAt: string;
  occurredAt: string;
  day: string;
  outcome: ConversionOutcome;
  value: string | null;
  currency: string | null;
  code: string;
  advocate: string;
  handle: string | null;
  itemId: string;
  title: string;
  clickId: string | null;
}

/**
 * The raw conversions in scope that occurred in the range, oldest first, read in keyset pages of
 * `pageSize`. Scope follows the share's advocate, like the dashboard's figures.
 */
export async function* exportConversionRows(
  query: AnalyticsQuery,
  settings: Pick<AnalyticsSettings, "timeZone">,
  { pageSize = 1000 }: { pageSize?: number } = {},
): AsyncGenerator<unknown[][]> {
  if (query.teamIds?.length === 0) return;
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND c."occurredAt" >= ${cursor.at}::timestamptz
          AND (c."occurredAt", c."id") > (${cursor.at}::timestamptz, ${cursor.id})`
      : Prisma.empty;
    // The page of conversions is chosen first (index on orgId, occurredAt), then described.
    const rows: ConversionExportRow[] = await db.$queryRaw<ConversionExportRow[]>`
      WITH page AS (
        SELECT c.* FROM "Conversion" c
        JOIN "Share" sh ON sh."id" = c."shareId" AND sh."orgId" = c."orgId"
        WHERE c."orgId" = ${query.orgId}
          AND c."occurredAt" >= ${start.toISOString()}::timestamptz
          AND c."occurredAt" < ${end.toISOString()}::timestamptz
          ${scopeFilter(query, Prisma.sql`sh."membershipId"`)}
          ${after}
        ORDER BY c."occurredAt", c."id"
        LIMIT ${pageSize}
      )
      SELECT c."id", c."occurredAt"::text AS "cursorAt",
        to_char(c."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
        to_char(c."occurredAt" AT TIME ZONE ${settings.timeZone}, 'YYYY-MM-DD') AS "day",
        c."outcome"::text AS "outcome", c."value"::text AS "value", c."currency",
        sh."code", u."name" AS "advocate", m."handle", ci."id" AS "itemId", ci."title",
        c."clickId"
      FROM page c
      JOIN "Share" sh ON sh."id" = c."shareId"
      JOIN "Membership" m ON m."id" = sh."membershipId" AND m."orgId" = sh."orgId"
      JOIN "User" u ON u."id" = m."userId"
      JOIN "ContentItem" ci ON ci."id" = sh."itemId" AND ci."orgId" = sh."orgId"
      ORDER BY c."occurredAt", c."id"`;
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.occurredAt,
      r.day,
      r.outcome.toLowerCase(),
      AREA_LABELS[OUTCOME_AREA[r.outcome]],
      r.value === null ? "" : Number(r.value),
      r.currency ?? "",
      r.code,
      r.advocate,
      r.handle ?? "",
      r.itemId,
      r.title,
      r.clickId ?? "",
    ]);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursorAt, id: last.id };
  }
}
