import { streamRows } from "@/lib/core/db/stream-rows";
import { EXPORT_CHUNK_ROWS } from "@/lib/domains/analytics/export-shares";
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
 * The raw conversions in scope that occurred in the range, oldest first (ties by id), streamed
 * from one query through a database cursor in chunks of `chunkSize` rows
 * (lib/core/db/stream-rows.ts). Scope follows the share's advocate, like the dashboard's figures.
 */
export async function* exportConversionRows(
  query: AnalyticsQuery,
  settings: Pick<AnalyticsSettings, "timeZone">,
  { chunkSize = EXPORT_CHUNK_ROWS }: { chunkSize?: number } = {},
): AsyncGenerator<unknown[][]> {
  if (query.teamIds?.length === 0) return;
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  const rowsOf = streamRows<ConversionExportRow>(
    Prisma.sql`
      SELECT to_char(c."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
        to_char(c."occurredAt" AT TIME ZONE ${settings.timeZone}, 'YYYY-MM-DD') AS "day",
        c."outcome"::text AS "outcome", c."value"::text AS "value", c."currency",
        sh."code", u."name" AS "advocate", m."handle", ci."id" AS "itemId", ci."title",
        c."clickId"
      FROM "Conversion" c
      JOIN "Share" sh ON sh."id" = c."shareId" AND sh."orgId" = c."orgId"
      JOIN "Membership" m ON m."id" = sh."membershipId" AND m."orgId" = sh."orgId"
      JOIN "User" u ON u."id" = m."userId"
      JOIN "ContentItem" ci ON ci."id" = sh."itemId" AND ci."orgId" = sh."orgId"
      WHERE c."orgId" = ${query.orgId}
        AND c."occurredAt" >= ${start.toISOString()}::timestamptz
        AND c."occurredAt" < ${end.toISOString()}::timestamptz
        ${scopeFilter(query, Prisma.sql`sh."membershipId"`)}
      ORDER BY c."occurredAt", c."id"`,
    { chunkSize },
  );
  for await (const rows of rowsOf) {
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
  }
}
