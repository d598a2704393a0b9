import type { ConversionOutcome } from "@/lib/generated/prisma/enums";

/** How a person's page and their notifications name one outcome and several. */
export const OUTCOME_WORDS: Record<ConversionOutcome, { one: string; many: string }> = {
  VISIT: { one: "site visit", many: "site visits" },
  SIGNUP: { one: "sign-up", many: "sign-ups" },
  APPLICATION: { one: "applicant", many: "applicants" },
  HIRE: { one: "hire", many: "hires" },
  LEAD: { one: "lead", many: "leads" },
  OPPORTUNITY: { one: "opportunity", many: "opportunities" },
  DEAL: { one: "deal", many: "deals" },
};

/** Funnel order (as analytics/outcomes.ts; this module stays below analytics: the rollup job calls it). */
const ORDER = Object.keys(OUTCOME_WORDS) as ConversionOutcome[];

/** "2 applicants, 1 hire" — the outcomes that happened, in funnel order ("" when none). */
export function describeOutcomes(outcomes: Record<ConversionOutcome, number>): string {
  return ORDER.filter((o) => outcomes[o] > 0)
    .map(
      (o) =>
        `${outcomes[o].toLocaleString("en")} ${outcomes[o] === 1 ? OUTCOME_WORDS[o].one : OUTCOME_WORDS[o].many}`,
    )
    .join(", ");
}
