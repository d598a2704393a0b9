/** The rules a BadgeDefinition can use (its `rule` column); check-badges.ts evaluates them. */
export const BADGE_RULES = [
  "VALUE_TYPES",
  "WEEK_STREAK",
  "OWN_WORDS",
  "FIRST_OUTCOME",
  "FIRST_HIRE",
  "SHARES",
] as const;
export type BadgeRule = (typeof BADGE_RULES)[number];

export interface BadgeSeed {
  key: string;
  name: string;
  description: string;
  rule: BadgeRule;
  threshold: number;
  window: number | null;
}

/** The badges every organisation starts with (ensureDefaultBadges); admins can switch any off. */
export const DEFAULT_BADGES: readonly BadgeSeed[] = [
  {
    key: "all-value-types",
    name: "Full spectrum",
    description:
      "Shared all six value types: information, education, togetherness, motivation, inspiration and entertainment.",
    rule: "VALUE_TYPES",
    threshold: 6,
    window: null,
  },
  {
    key: "four-week-streak",
    name: "Four-week streak",
    description: "Shared something every week for four weeks in a row.",
    rule: "WEEK_STREAK",
    threshold: 4,
    window: null,
  },
  {
    key: "own-words",
    name: "In your own words",
    description: "Your last ten shares were on average at least 80 % your own words.",
    rule: "OWN_WORDS",
    threshold: 0.8,
    window: 10,
  },
  {
    key: "first-outcome",
    name: "First outcome",
    description: "One of your shares brought its first outcome: a sign-up, an applicant, a lead…",
    rule: "FIRST_OUTCOME",
    threshold: 1,
    window: null,
  },
  {
    key: "first-hire",
    name: "Talent scout",
    description: "One of your shares brought a hire.",
    rule: "FIRST_HIRE",
    threshold: 1,
    window: null,
  },
];
