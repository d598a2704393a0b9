import { db } from "@/lib/core/db/client";
import type { DayRange } from "@/lib/domains/analytics/types";

/**
 * Leaderboard points of a period, from the PointsAward ledger (how points are earned:
 * lib/domains/recognition/points-rules.ts): per member, the points of the days in `range` —
 * share, own words and variety points on the share's day; visit and outcome points on the day of
 * the visits and outcomes. `members` null = the whole organisation.
 */
export async function pointsByMember(
  orgId: string,
  range: DayRange,
  members: string[] | null,
): Promise<Map<string, number>> {
  if (members?.length === 0) return new Map();
  const rows = await db.pointsAward.groupBy({
    by: ["membershipId"],
    where: {
      orgId,
      day: { gte: new Date(`${range.from}T00:00:00Z`), lte: new Date(`${range.to}T00:00:00Z`) },
      ...(members === null ? {} : { membershipId: { in: members } }),
    },
    _sum: { points: true },
  });
  return new Map(rows.map((r) => [r.membershipId, r._sum.points ?? 0]));
}
