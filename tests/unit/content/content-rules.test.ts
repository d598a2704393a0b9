import { describe, expect, it } from "vitest";
import { checkTransition, TRANSITIONS } from "@/lib/domains/content/workflow";
import {
  characterCount,
  containsPhrase,
  evaluateGuardrails,
  hasHashtag,
} from "@/lib/domains/content/guardrails";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import type { ContentStatus } from "@/lib/generated/prisma/enums";

const base = { requireApproval: false, actorId: "usr_a", authorId: "usr_a" };

describe("workflow transition table", () => {
  it("allows exactly the listed transitions", () => {
    const statuses: ContentStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"];
    const allowed = statuses.flatMap((from) =>
      statuses
        .filter((to) => checkTransition({ ...base, from, to }).ok)
        .map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      "DRAFT→IN_REVIEW",
      "DRAFT→PUBLISHED",
      "DRAFT→ARCHIVED",
      "IN_REVIEW→DRAFT",
      "IN_REVIEW→PUBLISHED",
      "PUBLISHED→DRAFT",
      "PUBLISHED→ARCHIVED",
      "ARCHIVED→DRAFT",
    ]);
    expect(Object.keys(TRANSITIONS)).toEqual(statuses);
  });

  it("explains a refused transition", () => {
    const result = checkTransition({ ...base, from: "ARCHIVED", to: "IN_REVIEW" });
    expect(result).toEqual({
      ok: false,
      reason: "An item that is archived cannot move to in review (it can move to: draft).",
    });
  });

  it("with approval required: no direct publish, and no self-approval", () => {
    const strict = { ...base, requireApproval: true };
    expect(checkTransition({ ...strict, from: "DRAFT", to: "PUBLISHED" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("submit the item for review first"),
    });
    expect(checkTransition({ ...strict, from: "IN_REVIEW", to: "PUBLISHED" })).toEqual({
      ok: false,
      reason: "You wrote this item, so another admin has to approve it.",
    });
    expect(
      checkTransition({ ...strict, actorId: "usr_b", from: "IN_REVIEW", to: "PUBLISHED" }),
    ).toEqual({
      ok: true,
      action: "approve and publish",
    });
    expect(checkTransition({ ...strict, from: "DRAFT", to: "IN_REVIEW" }).ok).toBe(true);
    // Whoever edited or submitted this version cannot approve it either.
    expect(
      checkTransition({
        ...strict,
        actorId: "usr_b",
        contributorIds: ["usr_b"],
        from: "IN_REVIEW",
        to: "PUBLISHED",
      }),
    ).toEqual({
      ok: false,
      reason: "You edited or submitted this version, so another admin has to approve it.",
    });
  });
});

describe("guardrails", () => {
  const rules = {
    disclosureText: "#employee",
    blockedPhrases: ["guaranteed returns", "ass"],
    requiredHashtags: ["Fernhill"],
  };

  it("passes a compliant text", () => {
    expect(evaluateGuardrails("Proud of our #Fernhill team! #employee", rules)).toEqual([]);
  });

  it("names each problem", () => {
    const v = evaluateGuardrails("Guaranteed RETURNS for everyone", rules);
    expect(v.map((x) => x.code)).toEqual([
      "MISSING_DISCLOSURE",
      "BLOCKED_PHRASE",
      "MISSING_HASHTAG",
    ]);
    expect(v.map((x) => x.message)).toEqual([
      'Keep the disclosure "#employee" in the text.',
      '"guaranteed returns" is not allowed in shared posts. Rephrase it.',
      "Add the hashtag #Fernhill.",
    ]);
  });

  it("matches blocked phrases as whole words only", () => {
    expect(containsPhrase("a world-class team", "ass")).toBe(false);
    expect(containsPhrase("what an ass!", "ass")).toBe(true);
    expect(containsPhrase("Ünïcode Wörds here", "ünïcode wörds")).toBe(true);
  });

  it("requires the hashtag itself, not a longer one", () => {
    expect(hasHashtag("#FernhillLife", "fernhill")).toBe(false);
    expect(hasHashtag("go #fernhill.", "#Fernhill")).toBe(true);
    expect(hasHashtag("fernhill", "fernhill")).toBe(false);
  });

  it("counts characters as people see them and refuses over 3,000", () => {
    expect(characterCount("👍🏽é")).toBe(3);
    const long = "x".repeat(3001);
    expect(
      evaluateGuardrails(long, { disclosureText: null, blockedPhrases: [], requiredHashtags: [] }),
    ).toEqual([
      {
        code: "TOO_LONG",
        message: "The text has 3,001 characters; LinkedIn allows 3,000. Remove 1.",
      },
    ]);
    expect(evaluateGuardrails("   ", rules)).toEqual([
      { code: "EMPTY", message: "The text is empty." },
    ]);
  });
});

describe("content mix", () => {
  it("computes shares per value type and goal", () => {
    const mix = computeContentMix([
      { valueType: "EDUCATION", goals: ["MARKETING"] },
      { valueType: "EDUCATION", goals: ["HR", "MARKETING"] },
      { valueType: "TOGETHERNESS", goals: ["HR"] },
      { valueType: "INFORMATION", goals: ["SALES"] },
    ]);
    expect(mix.total).toBe(4);
    expect(mix.valueTypes.find((v) => v.key === "EDUCATION")).toEqual({
      key: "EDUCATION",
      count: 2,
      share: 0.5,
    });
    expect(mix.goals.find((g) => g.key === "MARKETING")).toEqual({
      key: "MARKETING",
      count: 2,
      share: 0.5,
    });
    expect(mix.dominant).toBeNull(); // exactly half does not dominate
    expect(mix.missing).toEqual(["MOTIVATION", "INSPIRATION", "ENTERTAINMENT"]);
  });

  it("hints when one value type is over half of the content", () => {
    const items = [
      ...Array.from({ length: 6 }, () => ({ valueType: "INFORMATION" as const, goals: [] })),
      { valueType: "EDUCATION" as const, goals: [] },
      { valueType: "TOGETHERNESS" as const, goals: [] },
    ];
    const mix = computeContentMix(items);
    expect(mix.dominant).toBe("INFORMATION");
    expect(mix.hint).toBe(
      "Information makes up 75 % of this period's content. Audiences tune out one-note feeds: balance it with motivation or inspiration.",
    );
  });

  it("gives no hint for a healthy or empty mix", () => {
    expect(computeContentMix([]).hint).toBeNull();
    const healthy = computeContentMix(
      (
        [
          "INFORMATION",
          "EDUCATION",
          "TOGETHERNESS",
          "MOTIVATION",
          "INSPIRATION",
          "ENTERTAINMENT",
        ] as const
      ).map((valueType) => ({ valueType, goals: [] })),
    );
    expect(healthy.hint).toBeNull();
  });
});
