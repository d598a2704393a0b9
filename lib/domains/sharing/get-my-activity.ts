import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { countMemberClicks } from "@/lib/domains/analytics/count-member-clicks";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import { weeklyStreak } from "@/lib/domains/sharing/share-streak";
import { COUNTED_SHARE_STATUSES } from "@/lib/domains/sharing/share-status";

/**
 * A member's shares (all of them, with their status), and — from the shares that count (posted and
 * confirmed: share-status.ts) — their value-type mix, weekly streak and average authenticity.
 */
export async function getMyActivity(access: Access, now = new Date()) {
  const [shares, clicks] = await Promise.all([
    db.share.findMany({
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
    }),
    // Human clicks on each tracked link, as the dashboard counts them.
    countMemberClicks(access.orgId, access.membershipId),
  ]);
  const counted = shares.filter((s) =>
    (COUNTED_SHARE_STATUSES as readonly string[]).includes(s.status),
  );
  return {
    shares: shares.map((s) => ({ ...s, clicks: clicks.byShare.get(s.id) ?? 0 })),
    totalClicks: clicks.total,
    mix: computeContentMix(
      counted.map((s) => ({ valueType: s.item.valueType, goals: s.item.goals })),
    ),
    streakWeeks: weeklyStreak(
      counted.map((s) => s.createdAt),
      now,
      access.org.timeZone,
    ),
    averageAuthenticity: counted.length
      ? Math.round((counted.reduce((sum, s) => sum + s.authenticity, 0) / counted.length) * 100) /
        100
      : null,
  };
}
