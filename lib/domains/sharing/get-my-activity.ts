import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import { weeklyStreak } from "@/lib/domains/sharing/share-streak";

/** A member's shares, their value-type mix and their weekly streak. */
export async function getMyActivity(access: Access, now = new Date()) {
  const shares = await db.share.findMany({
    where: { orgId: access.orgId, membershipId: access.membershipId },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      code: true,
      channel: true,
      status: true,
      text: true,
      authenticity: true,
      createdAt: true,
      destinationUrl: true,
      linkedinPostId: true,
      scheduledAt: true,
      postedAt: true,
      error: true,
      item: { select: { id: true, title: true, valueType: true, goals: true } },
    },
  });
  return {
    shares: shares.map((s) => ({ ...s, clicks: null as number | null })),
    mix: computeContentMix(
      shares.map((s) => ({ valueType: s.item.valueType, goals: s.item.goals })),
    ),
    streakWeeks: weeklyStreak(
      shares.map((s) => s.createdAt),
      now,
      access.org.timeZone,
    ),
    averageAuthenticity: shares.length
      ? Math.round((shares.reduce((sum, s) => sum + s.authenticity, 0) / shares.length) * 100) / 100
      : null,
  };
}
