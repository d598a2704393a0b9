import type { CampaignGoal } from "@/lib/generated/prisma/enums";

/** How each goal reads: the option in the form, and the unit after a number ("12 shares"). */
export const CAMPAIGN_GOAL_LABELS: Record<
  CampaignGoal,
  { label: string; one: string; many: string; hint: string }
> = {
  SHARES: {
    label: "Shares",
    one: "share",
    many: "shares",
    hint: "Posts shared by your people (confirmed or posted).",
  },
  VISITS: {
    label: "Visits",
    one: "visit",
    many: "visits",
    hint: "Unique human visits through their links (bots and repeat visits not counted).",
  },
  OUTCOMES: {
    label: "Outcomes",
    one: "outcome",
    many: "outcomes",
    hint: "Sign-ups, applications, hires, leads, opportunities and deals.",
  },
};

/** "1 share", "12 shares". */
export function goalAmount(goal: CampaignGoal, n: number): string {
  const unit = CAMPAIGN_GOAL_LABELS[goal];
  return `${n.toLocaleString("en")} ${n === 1 ? unit.one : unit.many}`;
}
