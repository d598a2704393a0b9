import type { ValueType } from "@/lib/generated/prisma/enums";

const LATELY: Record<ValueType, string> = {
  INFORMATION: "You haven't shared any news lately",
  EDUCATION: "You haven't shared anything educational lately",
  TOGETHERNESS: "You haven't shared anything about your team lately",
  MOTIVATION: "You haven't shared anything motivating lately",
  INSPIRATION: "You haven't shared anything inspiring lately",
  ENTERTAINMENT: "You haven't shared anything fun lately",
};

export interface RankableItem {
  id: string;
  valueType: ValueType;
  publishedAt: Date | null;
}

export interface RecentShare {
  valueType: ValueType;
  createdAt: Date;
}

export interface Ranked<T> {
  item: T;
  score: number;
  reason: string | null;
  alreadyShared: boolean;
}

/**
 * "For you": favours value types missing from the member's recent shares, so their mix stays
 * varied, then newer items. Items they already shared sink to the end. Each card carries the
 * reason it was moved up, in words.
 */
export function rankForYou<T extends RankableItem>(
  items: T[],
  recentShares: RecentShare[],
  sharedItemIds: Set<string>,
  { now = new Date(), windowDays = 30 }: { now?: Date; windowDays?: number } = {},
): Ranked<T>[] {
  const since = now.getTime() - windowDays * 86_400_000;
  const recent = recentShares.filter((s) => s.createdAt.getTime() >= since);
  const counts = new Map<ValueType, number>();
  for (const s of recent) counts.set(s.valueType, (counts.get(s.valueType) ?? 0) + 1);
  const total = recent.length;

  return items
    .map((item) => {
      const alreadyShared = sharedItemIds.has(item.id);
      const ageDays = item.publishedAt
        ? Math.max(0, (now.getTime() - item.publishedAt.getTime()) / 86_400_000)
        : 30;
      const freshness = Math.exp(-ageDays / 14); // 1 today, ~0.37 after two weeks
      const typeShare = total ? (counts.get(item.valueType) ?? 0) / total : 0;
      const variety = total ? 1 - typeShare : 0; // 1 for a type they have not shared lately
      const missing = total > 0 && !counts.has(item.valueType);
      const score = (alreadyShared ? -10 : 0) + freshness + 1.5 * variety + (missing ? 0.5 : 0);
      const reason = !alreadyShared && missing ? LATELY[item.valueType] : null;
      return { item, score, reason, alreadyShared };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.item.publishedAt?.getTime() ?? 0) - (a.item.publishedAt?.getTime() ?? 0),
    );
}
