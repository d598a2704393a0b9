import type { ValueType } from "@/lib/generated/prisma/enums";

const LATELY: Record<ValueType, string> = {
  INFORMATION: "You haven't shared any news lately",
  EDUCATION: "You haven't shared anything educational lately",
  TOGETHERNESS: "You haven't shared anything about your team lately",
  MOTIVATION: "You haven't shared anything motivating lately",
  INSPIRATION: "You haven't shared anything inspiring lately",
  ENTERTAINMENT: "You haven't shared anything fun lately",
};

/** How much each factor weighs in the score (README, "The for you order"). */
export const FOR_YOU_WEIGHTS = {
  /** The item carries a topic the person follows. */
  topic: 2,
  /** Unique visits per share when colleagues in the person's teams shared it, relative to the best. */
  team: 1.5,
  /** 1 − the value type's part of the person's recent shares. */
  variety: 1.5,
  /** Extra when the value type is missing from the recent shares altogether. */
  missingType: 0.5,
  /** exp(−age / 14 days): 1 today, ~0.37 after two weeks. */
  freshness: 1,
  /** Subtracted when the item is not in the person's language (neither original nor translation). */
  otherLanguage: 1,
  /** Subtracted when the person already shared it: it sinks below everything not shared. */
  alreadyShared: 10,
} as const;

/** A team's result needs this many unique visits in total before it counts as "did well". */
const TEAM_MIN_VISITS = 3;

export interface RankableItem {
  id: string;
  valueType: ValueType;
  publishedAt: Date | null;
  /** True when the text shown is not in the person's language (localizeItem's fallback). */
  fallback?: boolean;
  topics?: readonly { id: string; name: string }[];
}

export interface RecentShare {
  valueType: ValueType;
  createdAt: Date;
}

/** How an item did when colleagues in one of the person's teams shared it (its best team). */
export interface TeamResult {
  teamName: string;
  shares: number;
  uniqueVisits: number;
}

export interface ForYouSignals {
  recentShares: RecentShare[];
  sharedItemIds: Set<string>;
  /** Ids of the topics the person follows. */
  followedTopicIds?: ReadonlySet<string>;
  /** Item id → its result in the person's teams (last 60 days). */
  teamResults?: ReadonlyMap<string, TeamResult>;
}

export interface Ranked<T> {
  item: T;
  score: number;
  reason: string | null;
  alreadyShared: boolean;
}

/**
 * "For you": the feed (already limited to the person's audience) ordered by a score that adds
 * followed topics, how well colleagues in their teams did with it, variety (value types missing
 * from their recent shares), freshness, and their language; items they already shared sink to the
 * end. Each card carries its main reason in words: the factor that added the most, among those
 * that can be said ("You follow Renewables", "Did well in Grid Operations", "You haven't shared
 * anything fun lately", "New today").
 */
export function rankForYou<T extends RankableItem>(
  items: T[],
  signals: ForYouSignals,
  { now = new Date(), windowDays = 30 }: { now?: Date; windowDays?: number } = {},
): Ranked<T>[] {
  const W = FOR_YOU_WEIGHTS;
  const since = now.getTime() - windowDays * 86_400_000;
  const recent = signals.recentShares.filter((s) => s.createdAt.getTime() >= since);
  const counts = new Map<ValueType, number>();
  for (const s of recent) counts.set(s.valueType, (counts.get(s.valueType) ?? 0) + 1);
  const total = recent.length;
  const followed = signals.followedTopicIds ?? new Set<string>();
  const teamResults = signals.teamResults ?? new Map<string, TeamResult>();
  const rate = (r: TeamResult) => (r.shares > 0 ? r.uniqueVisits / r.shares : 0);
  let bestRate = 0;
  for (const item of items) {
    const r = teamResults.get(item.id);
    if (r && r.uniqueVisits >= TEAM_MIN_VISITS) bestRate = Math.max(bestRate, rate(r));
  }

  return items
    .map((item) => {
      const alreadyShared = signals.sharedItemIds.has(item.id);
      const ageDays = item.publishedAt
        ? Math.max(0, (now.getTime() - item.publishedAt.getTime()) / 86_400_000)
        : 30;
      const freshness = W.freshness * Math.exp(-ageDays / 14);
      const typeShare = total ? (counts.get(item.valueType) ?? 0) / total : 0;
      const missing = total > 0 && !counts.has(item.valueType);
      const variety = (total ? W.variety * (1 - typeShare) : 0) + (missing ? W.missingType : 0);
      const topic = (item.topics ?? []).find((t) => followed.has(t.id));
      const topicScore = topic ? W.topic : 0;
      const result = teamResults.get(item.id);
      const team =
        result && bestRate > 0 && result.uniqueVisits >= TEAM_MIN_VISITS
          ? (W.team * rate(result)) / bestRate
          : 0;
      const language = item.fallback ? -W.otherLanguage : 0;
      const score =
        (alreadyShared ? -W.alreadyShared : 0) + topicScore + team + variety + freshness + language;

      // The main reason: the largest contribution that can be put in words (ties: listed order).
      const candidates: [number, string][] = [];
      if (topic) candidates.push([topicScore, `You follow ${topic.name}`]);
      if (team > 0 && result) candidates.push([team, `Did well in ${result.teamName}`]);
      if (missing) candidates.push([variety, LATELY[item.valueType]]);
      if (ageDays < 1) candidates.push([freshness, "New today"]);
      const main = candidates.reduce<[number, string] | null>(
        (best, c) => (best === null || c[0] > best[0] ? c : best),
        null,
      );
      const reason = alreadyShared ? null : (main?.[1] ?? null);
      return { item, score, reason, alreadyShared };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.item.publishedAt?.getTime() ?? 0) - (a.item.publishedAt?.getTime() ?? 0),
    );
}
