import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import type { OutcomeArea } from "@/lib/domains/analytics/types";

/** The outcomes a conversion can report, in funnel order within each area. */
export const CONVERSION_OUTCOMES = [
  "VISIT",
  "SIGNUP",
  "APPLICATION",
  "HIRE",
  "LEAD",
  "OPPORTUNITY",
  "DEAL",
] as const satisfies readonly ConversionOutcome[];

export const OUTCOME_AREAS = ["MARKETING", "HR", "SALES"] as const satisfies readonly OutcomeArea[];

/** Marketing: visits, sign-ups · HR: applications, hires · Sales: leads, opportunities, deals. */
export const OUTCOME_AREA: Record<ConversionOutcome, OutcomeArea> = {
  VISIT: "MARKETING",
  SIGNUP: "MARKETING",
  APPLICATION: "HR",
  HIRE: "HR",
  LEAD: "SALES",
  OPPORTUNITY: "SALES",
  DEAL: "SALES",
};

export const OUTCOME_LABELS: Record<ConversionOutcome, string> = {
  VISIT: "Visits",
  SIGNUP: "Sign-ups",
  APPLICATION: "Applications",
  HIRE: "Hires",
  LEAD: "Leads",
  OPPORTUNITY: "Opportunities",
  DEAL: "Deals",
};

export const AREA_LABELS: Record<OutcomeArea, string> = {
  MARKETING: "Marketing",
  HR: "HR",
  SALES: "Sales",
};

/** The API spells outcomes in lower case ("signup"); the database in upper case. */
export function outcomeFromApi(value: string): ConversionOutcome | null {
  const upper = value.toUpperCase();
  return (CONVERSION_OUTCOMES as readonly string[]).includes(upper)
    ? (upper as ConversionOutcome)
    : null;
}
