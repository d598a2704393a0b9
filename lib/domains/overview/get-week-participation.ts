import { db } from "@/lib/core/db/client";
import type { ShareStatus } from "@/lib/generated/prisma/enums";

const DAY_MS = 86_400_000;
/** Shares that reached LinkedIn: confirmed by their sharer or a click, or posted through the API. */
const COUNTED: ShareStatus[] = ["SHARED", "POSTED"];

export interface PeriodParticipation {
  shares: number;
  /** Members with at least one counted share in the period. */
  sharers: number;
}

export interface WeekParticipation {
  /** Active members of the organisation now. */
  members: number;
  /** The last 7 days (up to `now`) and the 7 before them, for a comparison. */
  thisWeek: PeriodParticipation;
  lastWeek: PeriodParticipation;
  /** sharers / members this week, 0..1 (0 without members). */
  rate: number;
}

async function periodParticipation(
  orgId: string,
  from: Date,
  to: Date,
): Promise<PeriodParticipation> {
  const where = { orgId, status: { in: COUNTED }, createdAt: { gte: from, lt: to } };
  const [shares, sharers] = await Promise.all([
    db.share.count({ where }),
    db.share.groupBy({ by: ["membershipId"], where }),
  ]);
  return { shares, sharers: sharers.length };
}

/** Who shared in the last seven days, against the seven before: the admin home's pulse. */
export async function getWeekParticipation(
  orgId: string,
  now: Date = new Date(),
): Promise<WeekParticipation> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const twoWeeksAgo = new Date(now.getTime() - 14 * DAY_MS);
  const [members, thisWeek, lastWeek] = await Promise.all([
    db.membership.count({ where: { orgId, status: "ACTIVE" } }),
    periodParticipation(orgId, weekAgo, new Date(now.getTime() + 1)),
    periodParticipation(orgId, twoWeeksAgo, weekAgo),
  ]);
  return { members, thisWeek, lastWeek, rate: members ? thisWeek.sharers / members : 0 };
}
