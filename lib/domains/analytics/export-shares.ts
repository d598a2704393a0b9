import { db } from "@/lib/core/db/client";
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
  "advocate",
  "advocate_handle",
  "item_id",
  "item_title",
  "value_type",
  "goals",
  "authenticity",
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
  id: string;
  cursorAt: string;
  sharedAt: string;
  day: string;
  code: string;
  status: string;
  channel: string;
  advocate: string;
  handle: string | null;
  itemId: string;
  title: string;
  valueType: string;
  goals: string;
  authenticity: number;
  networkSize: number | null;
  impressions: number | null;
  reach: number;
  clicks: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
}

/**
 * Every share in scope made in the range (that went out: shared or posted), oldest first, read in
 * keyset pages of `pageSize` so a year of shares streams without being held in memory. Clicks,
 * visits and conversions are the share's totals from the daily rollups up to the range's last day
 * (the share's results as of the end of the period: re-exporting a past period gives the same file).
 */
export async function* exportShareRows(
  query: AnalyticsQuery,
  settings: AnalyticsSettings,
  { pageSize = 1000 }: { pageSize?: number } = {},
): AsyncGenerator<unknown[][]> {
  if (query.teamIds?.length === 0) return;
  const { start, end } = rangeBounds(query.range, settings.timeZone);
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    // Keyset on (createdAt, id); the plain `>=` lets the (orgId, createdAt) index skip what was read.
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND sh."createdAt" >= ${cursor.at}::timestamp
          AND (sh."createdAt", sh."id") > (${cursor.at}::timestamp, ${cursor.id})`
      : Prisma.empty;
    // The page of shares is chosen first; names and rollup totals are looked up for its rows only.
    const rows: ShareExportRow[] = await db.$queryRaw<ShareExportRow[]>`
      WITH page AS (
        SELECT sh.* FROM "Share" sh
        WHERE sh."orgId" = ${query.orgId}
          AND sh."createdAt" >= (${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND sh."createdAt" < (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND ${sharedStatusSql()}
          ${scopeFilter(query, Prisma.sql`sh."membershipId"`)}
          ${after}
        ORDER BY sh."createdAt", sh."id"
        LIMIT ${pageSize}
      )
      SELECT sh."id", sh."createdAt"::text AS "cursorAt",
        to_char(sh."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "sharedAt",
        ${shareDaySql(settings.timeZone)} AS "day",
        sh."code", sh."status"::text AS "status", sh."channel"::text AS "channel",
        u."name" AS "advocate", m."handle", ci."id" AS "itemId", ci."title",
        ci."valueType"::text AS "valueType", array_to_string(ci."goals"::text[], '|') AS "goals",
        sh."authenticity", sh."networkSize", sh."impressions",
        (${impressionsSql(settings.reachRate, settings.defaultNetworkSize)})::float8 AS "reach",
        COALESCE(st."clicks", 0)::int AS "clicks",
        COALESCE(st."humanClicks", 0)::int AS "humanClicks",
        COALESCE(st."uniqueVisits", 0)::int AS "uniqueVisits",
        COALESCE(st."conversions", 0)::int AS "conversions",
        COALESCE(st."conversionValue", 0)::float8 AS "conversionValue"
      FROM page sh
      JOIN "Membership" m ON m."id" = sh."membershipId" AND m."orgId" = sh."orgId"
      JOIN "User" u ON u."id" = m."userId"
      JOIN "ContentItem" ci ON ci."id" = sh."itemId" AND ci."orgId" = sh."orgId"
      LEFT JOIN LATERAL (
        -- By the primary key (shareId, day): the share's own rows only.
        SELECT SUM(d."clicks") AS "clicks", SUM(d."humanClicks") AS "humanClicks",
          SUM(d."uniqueVisits") AS "uniqueVisits", SUM(d."conversions") AS "conversions",
          SUM(d."conversionValue") AS "conversionValue"
        FROM "ShareDailyStats" d
        WHERE d."shareId" = sh."id" AND d."day" <= ${query.range.to}::date
      ) st ON TRUE
      ORDER BY sh."createdAt", sh."id"`;
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.sharedAt,
      r.day,
      r.code,
      r.status,
      r.channel,
      r.advocate,
      r.handle ?? "",
      r.itemId,
      r.title,
      r.valueType,
      r.goals,
      Math.round(r.authenticity * 100) / 100,
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
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursorAt, id: last.id };
  }
}
