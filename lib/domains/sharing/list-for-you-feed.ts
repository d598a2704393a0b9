import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listFeedItems, type FeedItem } from "@/lib/domains/content/list-feed-items";
import { rankForYou } from "@/lib/domains/sharing/for-you-order";
import { listTeamResults } from "@/lib/domains/sharing/list-team-results";
import { countedShare } from "@/lib/domains/sharing/share-status";

export type FeedOrder = "for-you" | "newest";

export interface RankedFeedItem extends FeedItem {
  /** Why "for you" moved it up ("You follow Renewables", "New today"…), or null. */
  reason: string | null;
  /** How often this member has shared it already (shares that count: share-status.ts). */
  sharedCount: number;
}

/**
 * The feed with the member's own context: the audience's items (listFeedItems), ranked by
 * rankForYou from a few queries — the member's shares (variety, already shared), the topics they
 * follow, and how each item did in their teams (one aggregate over the rollups).
 */
export async function listForYouFeed(
  access: Access,
  query: Parameters<typeof listFeedItems>[1] & { order?: FeedOrder },
  now = new Date(),
): Promise<RankedFeedItem[]> {
  const forYou = query.order !== "newest";
  const [items, shares, follows, teamResults] = await Promise.all([
    listFeedItems(access, query),
    db.share.findMany({
      where: { orgId: access.orgId, membershipId: access.membershipId, ...countedShare },
      select: { itemId: true, createdAt: true, item: { select: { valueType: true } } },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
    forYou
      ? db.topicFollow.findMany({
          where: { orgId: access.orgId, membershipId: access.membershipId },
          select: { topicId: true },
        })
      : [],
    forYou ? listTeamResults(access, now) : undefined,
  ]);
  const sharedCount = new Map<string, number>();
  for (const s of shares) sharedCount.set(s.itemId, (sharedCount.get(s.itemId) ?? 0) + 1);

  if (!forYou) {
    return items.map((item) => ({
      ...item,
      reason: null,
      sharedCount: sharedCount.get(item.id) ?? 0,
    }));
  }
  const ranked = rankForYou(
    items,
    {
      recentShares: shares.map((s) => ({ valueType: s.item.valueType, createdAt: s.createdAt })),
      sharedItemIds: new Set(sharedCount.keys()),
      followedTopicIds: new Set(follows.map((f) => f.topicId)),
      teamResults,
    },
    { now },
  );
  return ranked.map(({ item, reason }) => ({
    ...item,
    reason,
    sharedCount: sharedCount.get(item.id) ?? 0,
  }));
}
