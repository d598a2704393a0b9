import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";

/** The six kinds of value content gives its audience, each explained to curators and employees. */
export const VALUE_TYPES: readonly {
  id: ValueType;
  label: string;
  explanation: string;
  example: string;
}[] = [
  {
    id: "INFORMATION",
    label: "Information",
    explanation: "News and facts your network wants to know: launches, results, milestones.",
    example: "We opened our Lisbon office.",
  },
  {
    id: "EDUCATION",
    label: "Education",
    explanation: "Something people can learn from: how-tos, insights, lessons learned.",
    example: "Three things we learned migrating our grid software.",
  },
  {
    id: "TOGETHERNESS",
    label: "Togetherness",
    explanation: "The people and culture behind the work: team moments, gifts, workcations.",
    example: "Our engineering team's week in the mountains.",
  },
  {
    id: "MOTIVATION",
    label: "Motivation",
    explanation: "Energy to act: challenges met, goals reached, encouragement.",
    example: "We just passed 1 GW of connected solar.",
  },
  {
    id: "INSPIRATION",
    label: "Inspiration",
    explanation: "Ideas and stories that widen the view: vision, purpose, people who lead the way.",
    example: "Why our head of field engineering became an engineer.",
  },
  {
    id: "ENTERTAINMENT",
    label: "Entertainment",
    explanation: "A smile: light-hearted moments, behind-the-scenes, humour.",
    example: "The office plant that survived three re-orgs.",
  },
];

export const GOALS: readonly { id: BusinessGoal; label: string; explanation: string }[] = [
  { id: "MARKETING", label: "Marketing", explanation: "Brand visibility: visits and sign-ups." },
  { id: "HR", label: "HR", explanation: "Talent attraction: applicants and hires." },
  { id: "SALES", label: "Sales", explanation: "Pipeline: leads, opportunities and deals." },
];

export const VALUE_TYPE_IDS = VALUE_TYPES.map((v) => v.id) as [ValueType, ...ValueType[]];
export const GOAL_IDS = GOALS.map((g) => g.id) as [BusinessGoal, ...BusinessGoal[]];

export function valueTypeLabel(id: ValueType): string {
  return VALUE_TYPES.find((v) => v.id === id)?.label ?? id;
}

export function goalLabel(id: BusinessGoal): string {
  return GOALS.find((g) => g.id === id)?.label ?? id;
}
