import { describe, expect, it } from "vitest";
import { mergeUtm, shareUtm, DEFAULT_UTM } from "@/lib/domains/sharing/merge-utm";
import {
  authenticityScore,
  copiedMask,
  describeAuthenticity,
  words,
} from "@/lib/domains/sharing/authenticity";
import { isoWeekKey, weeklyStreak } from "@/lib/domains/sharing/share-streak";
import { rankForYou } from "@/lib/domains/sharing/for-you-order";
import { isShareCode, newShareCode } from "@/lib/domains/tracking/share-code";

const utm = shareUtm(DEFAULT_UTM, "solar-park-live", "Ab3dE6gH9k");

describe("UTM merging", () => {
  it("adds the four parameters", () => {
    expect(mergeUtm("https://fernhill.example/news", utm)).toBe(
      "https://fernhill.example/news?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=solar-park-live&utm_content=Ab3dE6gH9k",
    );
  });

  it("keeps existing query parameters and never clobbers a UTM key already there", () => {
    const out = new URL(
      mergeUtm("https://x.example/p?ref=abc&utm_source=newsletter&utm_medium=", utm),
    );
    expect(out.searchParams.get("ref")).toBe("abc");
    expect(out.searchParams.get("utm_source")).toBe("newsletter");
    expect(out.searchParams.get("utm_medium")).toBe("");
    expect(out.searchParams.get("utm_campaign")).toBe("solar-park-live");
  });

  it("keeps the fragment last and repeated keys intact", () => {
    const out = mergeUtm("https://x.example/a?tag=1&tag=2#section-3", utm);
    expect(out.endsWith("#section-3")).toBe(true);
    expect(new URL(out).searchParams.getAll("tag")).toEqual(["1", "2"]);
  });

  it("handles unicode paths and values", () => {
    const out = new URL(
      mergeUtm(
        "https://exämple.example/käse?q=grüße",
        shareUtm(DEFAULT_UTM, "grüße-aus-berlin", "Ab3dE6gH9k"),
      ),
    );
    expect(out.hostname).toBe("xn--exmple-cua.example");
    expect(out.searchParams.get("q")).toBe("grüße");
    expect(out.searchParams.get("utm_campaign")).toBe("grüße-aus-berlin");
  });
});

describe("share codes", () => {
  it("are 10 base62 characters, random", () => {
    const codes = new Set(Array.from({ length: 5000 }, newShareCode));
    expect(codes.size).toBe(5000);
    for (const code of codes) expect(isShareCode(code)).toBe(true);
    expect(isShareCode("../../etc")).toBe(false);
  });
});

describe("authenticity", () => {
  const caption = "We connected our new 40 MW solar park to the grid this week.";

  it("is 0 for a pasted caption and 1 for entirely own words", () => {
    expect(authenticityScore(caption, [caption])).toBe(0);
    expect(authenticityScore(`${caption} #energy https://x.example`, [caption])).toBe(0);
    expect(
      authenticityScore("I spent two winters on site for this one and I am so proud.", [caption]),
    ).toBe(1);
  });

  it("rises as the person adds their own sentence", () => {
    const personal = `${caption} I spent two winters on this site, and seeing it live today made my year.`;
    const score = authenticityScore(personal, [caption]);
    expect(score).toBeGreaterThan(0.4);
    expect(score).toBeLessThan(0.7);
  });

  it("barely moves when one word of the caption is swapped", () => {
    const edited = caption.replace("new", "shiny");
    const score = authenticityScore(edited, [caption]);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(0.15);
  });

  it("is order-aware and uses the closest suggestion", () => {
    const shuffled = "week this grid the to park solar MW 40 new our connected we";
    expect(authenticityScore(shuffled, [caption])).toBeGreaterThan(0.8);
    expect(authenticityScore(caption, ["unrelated text", caption])).toBe(0);
    expect(authenticityScore("", [caption])).toBe(0);
  });

  it("tokenises words across languages", () => {
    expect(words("Grüße aus Köln! #Fernhill l'été")).toEqual(["grüße", "aus", "köln", "l'été"]);
    expect(copiedMask(["x", "a", "b", "c", "y"], ["a", "b", "c", "d"])).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(copiedMask(["a", "b"], ["a", "b", "c"])).toEqual([true, true]);
  });

  it("gives a friendly nudge at the low end", () => {
    expect(describeAuthenticity(0.05).nudge).toBe(
      "Add a sentence about what this means to you — posts in your own words get more reactions.",
    );
    expect(describeAuthenticity(0.9)).toEqual({
      level: "own",
      label: "Your own words",
      nudge: null,
    });
  });
});

describe("weekly streak", () => {
  const tz = "Europe/Berlin";
  const now = new Date("2026-11-25T12:00:00Z"); // a Wednesday, ISO week 48

  it("counts consecutive weeks with a share", () => {
    expect(isoWeekKey(now, tz)).toBe("2026-W48");
    const dates = [
      new Date("2026-11-24T09:00:00Z"),
      new Date("2026-11-17T09:00:00Z"),
      new Date("2026-11-10T09:00:00Z"),
    ];
    expect(weeklyStreak(dates, now, tz)).toBe(3);
  });

  it("does not break on a week still in progress, and breaks on a gap", () => {
    expect(
      weeklyStreak([new Date("2026-11-18T09:00:00Z"), new Date("2026-11-11T09:00:00Z")], now, tz),
    ).toBe(2);
    expect(
      weeklyStreak([new Date("2026-11-24T09:00:00Z"), new Date("2026-11-10T09:00:00Z")], now, tz),
    ).toBe(1);
    expect(weeklyStreak([], now, tz)).toBe(0);
  });

  it("uses the organisation's time zone for week boundaries", () => {
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(isoWeekKey(new Date("2026-11-22T23:30:00Z"), tz)).toBe("2026-W48");
    expect(isoWeekKey(new Date("2026-11-22T23:30:00Z"), "UTC")).toBe("2026-W47");
  });
});

describe("for-you ordering", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const items = [
    { id: "info-new", valueType: "INFORMATION" as const, publishedAt: day(0) },
    { id: "inspire-old", valueType: "INSPIRATION" as const, publishedAt: day(10) },
    { id: "info-shared", valueType: "INFORMATION" as const, publishedAt: day(1) },
  ];
  const shares = [
    { valueType: "INFORMATION" as const, createdAt: day(2) },
    { valueType: "INFORMATION" as const, createdAt: day(5) },
  ];

  it("moves a missing value type up and says why", () => {
    const ranked = rankForYou(
      items,
      { recentShares: shares, sharedItemIds: new Set(["info-shared"]) },
      { now },
    );
    expect(ranked.map((r) => r.item.id)).toEqual(["inspire-old", "info-new", "info-shared"]);
    expect(ranked[0]?.reason).toBe("You haven't shared anything inspiring lately");
    expect(ranked[1]?.reason).toBe("New today");
    expect(ranked[2]?.alreadyShared).toBe(true);
  });

  it("is newest first for someone who has not shared yet", () => {
    const ranked = rankForYou(items, { recentShares: [], sharedItemIds: new Set() }, { now });
    expect(ranked.map((r) => r.item.id)).toEqual(["info-new", "info-shared", "inspire-old"]);
    expect(ranked.map((r) => r.reason)).toEqual(["New today", null, null]);
  });
});
