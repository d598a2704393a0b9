import { describe, expect, it } from "vitest";
import { computeContentMix, type MixInput } from "@/lib/domains/content/content-mix";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { contentLanguageOptions, CONTENT_LANGUAGES } from "@/lib/domains/people/content-languages";
import { initials } from "@/lib/domains/people/initials";
import { joinWords } from "@/lib/domains/people/join-words";
import { sectionList, splitVisibility } from "@/lib/domains/people/page-sections";
import { MAX_NETWORK_SIZE, parseNetworkSize } from "@/lib/domains/people/parse-network-size";
import { personalMixHint } from "@/lib/domains/people/personal-mix-hint";

const shares = (...types: ValueType[]): MixInput[] =>
  types.map((valueType) => ({ valueType, goals: ["MARKETING"] }));

describe("personalMixHint", () => {
  it("says nothing when the mix is healthy or too short to judge", () => {
    expect(personalMixHint(computeContentMix([]))).toBeNull();
    expect(personalMixHint(computeContentMix(shares("INFORMATION", "INFORMATION")))).toBeNull();
    expect(
      personalMixHint(
        computeContentMix(shares("INFORMATION", "EDUCATION", "INSPIRATION", "MOTIVATION")),
      ),
    ).toBeNull();
  });

  it("names the dominant type and suggests the least-shared one, in the person's words", () => {
    const mix = computeContentMix(
      shares("INFORMATION", "INFORMATION", "INFORMATION", "EDUCATION", "TOGETHERNESS"),
    );
    expect(mix.dominant).toBe("INFORMATION");
    expect(personalMixHint(mix)).toBe(
      "Most of what you share is information — try something motivating next.",
    );
  });

  it("suggests by count when nothing is missing", () => {
    const mix = computeContentMix(
      shares(
        ...Array<ValueType>(12).fill("EDUCATION"),
        "INFORMATION",
        "INFORMATION",
        "TOGETHERNESS",
        "MOTIVATION",
        "MOTIVATION",
        "INSPIRATION",
        "INSPIRATION",
        "ENTERTAINMENT",
        "ENTERTAINMENT",
      ),
    );
    expect(personalMixHint(mix)).toBe(
      "Most of what you share is educational — try a team moment next.",
    );
  });

  it("lists missing types when several are absent but none dominates", () => {
    const mix = computeContentMix(
      shares(
        "INFORMATION",
        "INFORMATION",
        "EDUCATION",
        "EDUCATION",
        "TOGETHERNESS",
        "TOGETHERNESS",
      ),
    );
    expect(mix.dominant).toBeNull();
    expect(personalMixHint(mix)).toBe(
      "You haven't shared any motivation, inspiration or entertainment posts yet — a varied mix reads as more genuine.",
    );
  });
});

describe("initials", () => {
  it.each([
    ["Sofia Lindqvist", "SL"],
    ["Jonas  van der Weber", "JW"],
    ["amara", "A"],
    ["Ævar Þór", "ÆÞ"],
    ["  ", "?"],
    ["(Kim) Lee", "KL"],
    ["Émile 🎉 Zola", "ÉZ"],
  ])("%s → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("parseNetworkSize", () => {
  it("clears on empty input", () => {
    expect(parseNetworkSize("  ")).toEqual({ ok: true, value: null });
  });

  it.each(["1250", "1,250", "1.250", "1 250", "1'250", "1\u202f250"])("reads %s", (input) => {
    expect(parseNetworkSize(input)).toEqual({ ok: true, value: 1250 });
  });

  it("refuses negatives, decimals written as words, and implausible sizes", () => {
    expect(parseNetworkSize("-5")).toMatchObject({ ok: false, error: /negative/ });
    expect(parseNetworkSize("about 500")).toMatchObject({ ok: false, error: /whole number/ });
    expect(parseNetworkSize("1e6")).toMatchObject({ ok: false });
    expect(parseNetworkSize(String(MAX_NETWORK_SIZE + 1))).toMatchObject({
      ok: false,
      error: /not plausible/,
    });
    expect(parseNetworkSize(String(MAX_NETWORK_SIZE))).toEqual({
      ok: true,
      value: MAX_NETWORK_SIZE,
    });
  });
});

describe("page sections", () => {
  it("splits what colleagues see from what only the person sees, in page order", () => {
    expect(splitVisibility({ stories: true, shares: false, mix: true, reach: false })).toEqual({
      shown: ["Stories I started", "My mix"],
      hidden: ["What I shared", "Reach"],
    });
  });

  it("phrases lists of sections", () => {
    expect(sectionList([])).toBe("none of the sections");
    expect(sectionList(["Reach"])).toBe("“Reach”");
    expect(sectionList(["My mix", "Reach", "What I shared"])).toBe(
      "“My mix”, “Reach” and “What I shared”",
    );
  });

  it("joins words without a serial comma", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["a", "b"], "or")).toBe("a or b");
  });
});

describe("content languages", () => {
  it("offers the common languages and keeps an unusual current code", () => {
    expect(CONTENT_LANGUAGES.map((l) => l.code)).toEqual([
      "en",
      "de",
      "fr",
      "es",
      "it",
      "nl",
      "pt",
      "sv",
      "da",
      "no",
      "fi",
      "pl",
    ]);
    expect(contentLanguageOptions("de")).toHaveLength(12);
    expect(contentLanguageOptions("pt-BR").at(-1)).toEqual({ code: "pt-BR", label: "pt-BR" });
  });
});
