import { describe, expect, it } from "vitest";
import { appendDisclosure } from "@/lib/domains/content/append-disclosure";
import { evaluateGuardrails, type Guardrails } from "@/lib/domains/content/guardrails";
import { authenticityScore } from "@/lib/domains/sharing/authenticity";
import {
  DEFAULT_INCENTIVE_DISCLOSURE,
  requiredIncentiveDisclosure,
} from "@/lib/domains/settings/rewards-rules";

const REWARD = "I may be rewarded for sharing. #employee";
const rules: Guardrails = {
  disclosureText: "I work at Fernhill.",
  blockedPhrases: [],
  requiredHashtags: [],
  rewardDisclosure: REWARD,
};

describe("the reward disclosure as a second required text", () => {
  it("is required only while rewards are on, with a non-empty text", () => {
    expect(
      requiredIncentiveDisclosure({ rewardsEnabled: true, incentiveDisclosure: ` ${REWARD} ` }),
    ).toBe(REWARD);
    expect(
      requiredIncentiveDisclosure({ rewardsEnabled: false, incentiveDisclosure: REWARD }),
    ).toBeNull();
    expect(
      requiredIncentiveDisclosure({ rewardsEnabled: true, incentiveDisclosure: "  " }),
    ).toBeNull();
    expect(DEFAULT_INCENTIVE_DISCLOSURE).toBe(REWARD);
  });

  it("a missing one is a violation naming it, beside the guardrail's own disclosure", () => {
    const text = "Proud of the team! I work at Fernhill.";
    expect(evaluateGuardrails(text, rules)).toEqual([
      {
        code: "MISSING_INCENTIVE_DISCLOSURE",
        disclosure: REWARD,
        message: `Keep the reward disclosure "${REWARD}" in the text: your organisation rewards sharing, so every post must say so.`,
      },
    ]);
    const neither = evaluateGuardrails("Proud of the team!", rules).map((v) => v.code);
    expect(neither).toEqual(["MISSING_DISCLOSURE", "MISSING_INCENTIVE_DISCLOSURE"]);
    // Both appended (each once, on lines of their own): the text passes.
    const started = appendDisclosure(
      appendDisclosure("Proud of the team!", rules.disclosureText),
      REWARD,
    );
    expect(started).toBe(`Proud of the team!\n\nI work at Fernhill.\n\n${REWARD}`);
    expect(evaluateGuardrails(started, rules)).toEqual([]);
    expect(appendDisclosure(started, REWARD)).toBe(started);
  });

  it("a settings row passed as rules requires nothing while rewards are off", () => {
    // OrgSettings has a column named incentiveDisclosure (with a default): it is not the rule.
    const row = { ...rules, rewardDisclosure: undefined, incentiveDisclosure: REWARD };
    expect(evaluateGuardrails("Proud of the team! I work at Fernhill.", row)).toEqual([]);
  });

  it("counts as nobody's own words, like the guardrail's disclosure", () => {
    const caption = "Our new solar park is live and powers twelve thousand homes.";
    const own = "I spent two winters on that site and I am proud of it.";
    const both = [rules.disclosureText, REWARD];
    expect(authenticityScore(appendDisclosure(own, REWARD), [caption], { ignore: both })).toBe(1);
    expect(authenticityScore(appendDisclosure(caption, REWARD), [caption], { ignore: both })).toBe(
      0,
    );
    expect(authenticityScore(appendDisclosure(own, REWARD), [REWARD])).toBeLessThan(1);
  });
});
