import { db } from "@/lib/core/db/client";

export interface MemberClicks {
  /** Human clicks on all of the member's tracked links, ever. */
  total: number;
  /** Human clicks per share (shares without a click are absent). */
  byShare: Map<string, number>;
}

/**
 * A member's clicks as the dashboard credits them: human clicks (bots excluded) from the daily
 * rollups (ShareDailyStats), the figure behind the dashboard's "Human clicks" and the weekly
 * digest's "your links got N clicks" — here over all time. Like every rollup figure it trails
 * the click itself by up to a minute (the analytics-rollup job).
 */
export async function countMemberClicks(
  orgId: string,
  membershipId: string,
): Promise<MemberClicks> {
  // Through the member's shares (index orgId, membershipId) to their rollup rows (primary key
  // shareId, day): never a scan of the organisation's rollups.
  const rows = await db.$queryRaw<{ shareId: string; clicks: number }[]>`
    SELECT d."shareId", SUM(d."humanClicks")::int AS "clicks"
    FROM "Share" sh JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
    WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ${membershipId}
      AND d."orgId" = ${orgId}
    GROUP BY d."shareId"`;
  const byShare = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (row.clicks > 0) byShare.set(row.shareId, row.clicks);
    total += row.clicks;
  }
  return { total, byShare };
}
