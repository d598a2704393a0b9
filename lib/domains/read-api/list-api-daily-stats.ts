import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { badRequest } from "@/lib/core/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  decodeCursor,
  pageQuerySchema,
  toPage,
  type Page,
} from "@/lib/domains/read-api/page-query";
import type { DailyStatView } from "@/lib/domains/read-api/read-schemas";

export const DAILY_STATS_GROUPS = ["item", "team"] as const;

export const dailyStatsQuerySchema = pageQuerySchema.and(
  z.object({
    group_by: z
      .enum(DAILY_STATS_GROUPS, { error: "group_by: “item” or “team” (or leave it out)." })
      .optional(),
  }),
);

export type DailyStatsQuery = z.infer<typeof dailyStatsQuerySchema>;

interface Row {
  day: Date;
  key: string;
  shares: bigint;
  clicks: bigint;
  humanClicks: bigint;
  uniqueVisits: bigint;
  conversions: bigint;
  conversionValue: Prisma.Decimal | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Daily figures from the ShareDailyStats rollups (one row per share and day, in the organisation's
 * time zone), summed per day — or per day and item, or per day and team (a share counts for every
 * team its sharer is in; sharers in no team under `teamId: null`). `from`/`to` filter on the day.
 * Figures are as fresh as the last rollup run (every minute).
 */
export async function listApiDailyStats(
  orgId: string,
  query: DailyStatsQuery,
): Promise<Page<DailyStatView>> {
  const cursor = decodeCursor(query.cursor);
  if (cursor && !DAY.test(cursor.sortKey)) {
    throw badRequest("cursor: not a cursor this API returned.", { cursor: "Invalid cursor." });
  }
  const group = query.group_by;
  const key =
    group === "item"
      ? Prisma.sql`s."itemId"`
      : group === "team"
        ? Prisma.sql`COALESCE(tm."teamId", '')`
        : Prisma.sql`''`;
  const join =
    group === "team"
      ? Prisma.sql`LEFT JOIN "TeamMember" tm ON tm."membershipId" = s."membershipId" AND tm."orgId" = s."orgId"`
      : Prisma.empty;
  const from = query.from ? Prisma.sql`AND s."day" >= ${query.from}::date` : Prisma.empty;
  const to = query.to ? Prisma.sql`AND s."day" < ${query.to}::date` : Prisma.empty;
  const after = cursor
    ? Prisma.sql`WHERE (g."day", g."key") > (${cursor.sortKey}::date, ${cursor.id})`
    : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT s."day", ${key} AS "key",
        count(DISTINCT s."shareId") AS "shares",
        sum(s."clicks") AS "clicks",
        sum(s."humanClicks") AS "humanClicks",
        sum(s."uniqueVisits") AS "uniqueVisits",
        sum(s."conversions") AS "conversions",
        sum(s."conversionValue") AS "conversionValue"
      FROM "ShareDailyStats" s
      ${join}
      WHERE s."orgId" = ${orgId} ${from} ${to}
      GROUP BY 1, 2
    ) g
    ${after}
    ORDER BY g."day", g."key"
    LIMIT ${query.limit + 1}`;
  return toPage(
    rows,
    query.limit,
    (r) => [r.day.toISOString().slice(0, 10), r.key],
    (r) => ({
      day: r.day.toISOString().slice(0, 10),
      ...(group === "item" ? { itemId: r.key } : {}),
      ...(group === "team" ? { teamId: r.key === "" ? null : r.key } : {}),
      shares: Number(r.shares),
      clicks: Number(r.clicks),
      humanClicks: Number(r.humanClicks),
      uniqueVisits: Number(r.uniqueVisits),
      conversions: Number(r.conversions),
      conversionValue: r.conversionValue === null ? 0 : Number(r.conversionValue),
    }),
  );
}
