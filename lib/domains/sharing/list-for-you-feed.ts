import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listFeedItems, type FeedItem } from "@/lib/domains/content/list-feed-items";
import { rankForYou } from "@/lib/domains/sharing/for-you-order";
import { countedShare } from "@/lib/domains/sharing/share-status";

export type FeedOrder = "for-you" | "newest";

export interface RankedFeedItem extends FeedItem {
  /** Why "for you" moved it up ("You haven't shared anything inspiring lately"), or null. */
  reason: string | null;
  /** How often this member has shared it already (shares that count: share-status.ts). */
  sharedCount: number;
}

/**
 * The feed with the member's own context: items they already shared are marked (and sink in the
 * "for you" order), and value types missing from their last 30 days of shares come first.
 */
export async function listForYouFeed(
  access: Access,
  query: Parameters<typeof listFeedItems>[1] & { order?: FeedOrder },
  now = new Date(),
): Promise<RankedFeedItem[]> {
  const [items, shares] = await Promise.all([
    listFeedItems(access, query),
    db.share.findMany({
      where: { orgId: access.orgId, membershipId: access.membershipId, ...countedShare },
      select: { itemId: true, createdAt: true, item: { select: { valueType: true } } },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
  ]);
  const sharedCount = new Map<string, number>();
  for (const s of shares) sharedCount.set(s.itemId, (sharedCount.get(s.itemId) ?? 0) + 1);
  const recent = shares.map((s) => ({ valueType: s.item.valueType, createdAt: s.createdAt }));

  if (query.order === "newest") {
    return items.map((item) => ({
      ...item,
      reason: null,
      sharedCount: sharedCount.get(item.id) ?? 0,
    }));
  }
  return rankForYou(items, recent, new Set(sharedCount.keys()), { now }).map(
    ({ item, reason }) => ({
      ...item,
      reason,
      sharedCount: sharedCount.get(item.id) ?? 0,
    }),
  );
}
