import { streamRows } from "@/lib/core/db/stream-rows";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnalyticsQuery } from "@/lib/domains/analytics/types";
import { rangeBounds } from "@/lib/domains/analytics/day-range";
import { earnedMediaValue } from "@/lib/domains/analytics/emv";
import type { AnalyticsSettings } from "@/lib/domains/analytics/org-analytics-settings";
import {
  impressionsSql,
  scopeFilter,
  shareDaySql,
  sharedStatusSql,
} from "@/lib/domains/analytics/scope-sql";

export const SHARES_EXPORT_HEADER = [
  "shared_at_utc",
  "day",
  "share_code",
  "status",
  "channel",
  "network",
  "advocate",
  "advocate_handle",
  "item_id",
  "item_title",
  "value_type",
  "goals",
  "authenticity",
  "ai_assisted",
  "network_size",
  "linkedin_impressions",
  "estimated_reach",
  "reach_is_estimate",
  "human_clicks",
  "bot_clicks",
  "unique_visits",
  "conversions",
  "conversion_value",
  "emv_estimate",
  "currency",
];

interface ShareExportRow {
  sharedAt: string;
  day: string;
  code: string;
  status: string;
  channel: string;
  network: string;
  advocate: string;
  handle: string | null;
  itemId: string;
  title: string;
  valueType: string;
  goals: string;
  authenticity: number;
  aiAssisted: boolean;
  networkSize: number | null;
  impressions: number | null;
  reach: number;
  clicks: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
}

/** Rows per chunk read from the database (and per chunk of the HTTP response). */
export const EXPORT_CHUNK_ROWS = 2000;

/**
 * Every share in scope made in the range (that went out: shared or posted), oldest first (ties by
 * id), streamed from one query through a database cursor in chunks of `chunkSize` rows
 * (lib/core/db/stream-rows.ts), so a year of shares streams in constant memory. Clicks, visits and
 * conversions are the share's totals from the daily rollups up to the range's last day (the
 * share's results as of the end of the period: re-exporting a past period gives the same file).
 */
export async function* exportShareRows(
  query: AnalyticsQuery,
  settings: AnalyticsSettings,
  { chunkSize = EXPORT_CHUNK_ROWS }: { chunkSize?: number } = {},
): AsyncGenerator<unknown[][]> {
  if (query.teamIds?.length === 0) return;
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  const rowsOf = streamRows<ShareExportRow>(
    Prisma.sql`
      SELECT to_char(sh."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "sharedAt",
        ${shareDaySql(settings.timeZone)} AS "day",
        sh."code", sh."status"::text AS "status", sh."channel"::text AS "channel",
        sh."network"::text AS "network",
        u."name" AS "advocate", m."handle", ci."id" AS "itemId", ci."title",
        ci."valueType"::text AS "valueType", array_to_string(ci."goals"::text[], '|') AS "goals",
        sh."authenticity", sh."aiAssisted", sh."networkSize", sh."impressions",
        (${impressionsSql(settings.reachRate, settings.defaultNetworkSize)})::float8 AS "reach",
        COALESCE(st."clicks", 0)::int AS "clicks",
        COALESCE(st."humanClicks", 0)::int AS "humanClicks",
        COALESCE(st."uniqueVisits", 0)::int AS "uniqueVisits",
        COALESCE(st."conversions", 0)::int AS "conversions",
        COALESCE(st."conversionValue", 0)::float8 AS "conversionValue"
      FROM "Share" sh
      JOIN "Membership" m ON m."id" = sh."membershipId" AND m."orgId" = sh."orgId"
      JOIN "User" u ON u."id" = m."userId"
      JOIN "ContentItem" ci ON ci."id" = sh."itemId" AND ci."orgId" = sh."orgId"
      -- The shares' rollup totals up to the range's last day, summed in one pass over the range's
      -- rollup rows: a share has no rollup day before the day it was made (clicks follow it, and
      -- the conversions API refuses an outcome before its share or click).
      LEFT JOIN (
        SELECT d."shareId", SUM(d."clicks") AS "clicks", SUM(d."humanClicks") AS "humanClicks",
          SUM(d."uniqueVisits") AS "uniqueVisits", SUM(d."conversions") AS "conversions",
          SUM(d."conversionValue") AS "conversionValue"
        FROM "ShareDailyStats" d
        WHERE d."orgId" = ${query.orgId}
          AND d."day" >= ${query.range.from}::date AND d."day" <= ${query.range.to}::date
        GROUP BY d."shareId"
      ) st ON st."shareId" = sh."id"
      WHERE sh."orgId" = ${query.orgId}
        AND sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND ${sharedStatusSql()}
        ${scopeFilter(query, Prisma.sql`sh."membershipId"`)}
      ORDER BY sh."createdAt", sh."id"`,
    { chunkSize },
  );
  for await (const rows of rowsOf) {
    yield rows.map((r) => [
      r.sharedAt,
      r.day,
      r.code,
      r.status,
      r.channel,
      r.network,
      r.advocate,
      r.handle ?? "",
      r.itemId,
      r.title,
      r.valueType,
      r.goals,
      Math.round(r.authenticity * 100) / 100,
      r.aiAssisted ? "yes" : "no",
      r.networkSize ?? "",
      r.impressions ?? "",
      r.reach,
      r.impressions === null ? "yes" : "no",
      r.humanClicks,
      r.clicks - r.humanClicks,
      r.uniqueVisits,
      r.conversions,
      Math.round(r.conversionValue * 100) / 100,
      earnedMediaValue({ impressions: r.reach, clicks: r.humanClicks }, settings),
      settings.currency,
    ]);
  }
}
