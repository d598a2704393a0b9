import { describe, expect, it } from "vitest";
import {
  rankForYou,
  type RankableItem,
  type TeamResult,
} from "@/lib/domains/sharing/for-you-order";

const now = new Date("2026-12-07T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const renewables = { id: "top_renew", name: "Renewables" };
const careers = { id: "top_careers", name: "Careers" };

/** Two items alike in everything (same type, same age); only the factor under test differs. */
function pair(over: Partial<RankableItem> = {}): RankableItem[] {
  return [
    { id: "plain", valueType: "INFORMATION", publishedAt: daysAgo(3) },
    { id: "moved", valueType: "INFORMATION", publishedAt: daysAgo(3), ...over },
  ];
}
const none = { recentShares: [], sharedItemIds: new Set<string>() };
const order = (ranked: { item: RankableItem }[]) => ranked.map((r) => r.item.id);
const reasonOf = (ranked: { item: RankableItem; reason: string | null }[], id: string) =>
  ranked.find((r) => r.item.id === id)?.reason;

describe("rankForYou: each factor moves an item and says why", () => {
  it("ties break newest first, and nothing is said without a reason", () => {
    const ranked = rankForYou(pair({ publishedAt: daysAgo(2) }), none, { now });
    expect(order(ranked)).toEqual(["moved", "plain"]);
    expect(ranked.map((r) => r.reason)).toEqual([null, null]);
  });

  it("a followed topic moves an item up: 'You follow Renewables'", () => {
    const items = pair({ topics: [careers, renewables], publishedAt: daysAgo(20) });
    const unfollowed = rankForYou(items, none, { now });
    expect(order(unfollowed)).toEqual(["plain", "moved"]);
    const ranked = rankForYou(
      items,
      { ...none, followedTopicIds: new Set([renewables.id]) },
      { now },
    );
    expect(order(ranked)).toEqual(["moved", "plain"]);
    expect(reasonOf(ranked, "moved")).toBe("You follow Renewables");
    expect(reasonOf(ranked, "plain")).toBeNull();
  });

  it("what did well in my team moves up, relative to the best: 'Did well in Grid Operations'", () => {
    const teamResults = new Map<string, TeamResult>([
      ["moved", { teamName: "Grid Operations", shares: 2, uniqueVisits: 30 }],
      ["plain", { teamName: "Grid Operations", shares: 3, uniqueVisits: 3 }],
    ]);
    const items = pair({ publishedAt: daysAgo(10) });
    expect(order(rankForYou(items, none, { now }))).toEqual(["plain", "moved"]);
    const ranked = rankForYou(items, { ...none, teamResults }, { now });
    expect(order(ranked)).toEqual(["moved", "plain"]);
    expect(reasonOf(ranked, "moved")).toBe("Did well in Grid Operations");
    // 1 visit per share against the best 15: a small lift, still a reason in words.
    expect(ranked[1]!.score).toBeGreaterThan(rankForYou(items, none, { now })[0]!.score);
  });

  it("a handful of visits is not 'did well' (at least 3 unique visits)", () => {
    const teamResults = new Map<string, TeamResult>([
      ["moved", { teamName: "Grid Operations", shares: 1, uniqueVisits: 2 }],
    ]);
    const ranked = rankForYou(pair({ publishedAt: daysAgo(4) }), { ...none, teamResults }, { now });
    expect(order(ranked)).toEqual(["plain", "moved"]);
    expect(reasonOf(ranked, "moved")).toBeNull();
  });

  it("variety: a value type I have not shared lately moves up", () => {
    const recentShares = [
      { valueType: "INFORMATION" as const, createdAt: daysAgo(1) },
      { valueType: "INFORMATION" as const, createdAt: daysAgo(40) /* outside 30 days */ },
    ];
    const items = pair({ valueType: "ENTERTAINMENT", publishedAt: daysAgo(12) });
    const ranked = rankForYou(items, { ...none, recentShares }, { now });
    expect(order(ranked)).toEqual(["moved", "plain"]);
    expect(reasonOf(ranked, "moved")).toBe("You haven't shared anything fun lately");
  });

  it("freshness: a newer item comes first; one published today says 'New today'", () => {
    const ranked = rankForYou(pair({ publishedAt: daysAgo(0.2) }), none, { now });
    expect(order(ranked)).toEqual(["moved", "plain"]);
    expect(reasonOf(ranked, "moved")).toBe("New today");
  });

  it("language: an item not in my language sinks below one that is", () => {
    const ranked = rankForYou(
      [
        { id: "german", valueType: "INFORMATION", publishedAt: daysAgo(1), fallback: true },
        { id: "mine", valueType: "INFORMATION", publishedAt: daysAgo(5), fallback: false },
      ],
      none,
      { now },
    );
    expect(order(ranked)).toEqual(["mine", "german"]);
  });

  it("already shared sinks below everything and gives no reason, even a followed topic", () => {
    const items = pair({ topics: [renewables], publishedAt: daysAgo(0.1) });
    const ranked = rankForYou(
      items,
      { ...none, sharedItemIds: new Set(["moved"]), followedTopicIds: new Set([renewables.id]) },
      { now },
    );
    expect(order(ranked)).toEqual(["plain", "moved"]);
    expect(ranked[1]).toMatchObject({ alreadyShared: true, reason: null });
  });

  it("the reason is the factor that added most: a followed topic over 'New today'", () => {
    const items = pair({ topics: [renewables], publishedAt: daysAgo(0.1) });
    const ranked = rankForYou(
      items,
      { ...none, followedTopicIds: new Set([renewables.id]) },
      { now },
    );
    expect(reasonOf(ranked, "moved")).toBe("You follow Renewables");
  });

  it("a followed topic outranks a strong team result, which outranks freshness alone", () => {
    const items: RankableItem[] = [
      { id: "new", valueType: "INFORMATION", publishedAt: daysAgo(0) },
      { id: "team", valueType: "INFORMATION", publishedAt: daysAgo(7) },
      { id: "topic", valueType: "INFORMATION", publishedAt: daysAgo(7), topics: [careers] },
    ];
    const ranked = rankForYou(
      items,
      {
        ...none,
        followedTopicIds: new Set([careers.id]),
        teamResults: new Map([["team", { teamName: "Sales", shares: 1, uniqueVisits: 12 }]]),
      },
      { now },
    );
    expect(order(ranked)).toEqual(["topic", "team", "new"]);
    expect(ranked.map((r) => r.reason)).toEqual([
      "You follow Careers",
      "Did well in Sales",
      "New today",
    ]);
  });
});
