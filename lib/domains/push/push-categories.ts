/**
 * What a push notification is about, from the bell notification's kind. Each person switches the
 * first four on or off (Membership.push*); a reminder they asked for ("share later") always goes.
 * Kinds without a category (a post went out or failed, LinkedIn reconnects…) stay in the bell.
 */
export const PUSH_CATEGORIES = [
  "new-content",
  "milestones",
  "campaigns",
  "approvals",
  "reminders",
] as const;
export type PushCategory = (typeof PUSH_CATEGORIES)[number];

/** The categories a person switches, with the Membership column that holds the switch. */
export const PUSH_SWITCHES = {
  "new-content": "pushNewContent",
  milestones: "pushMilestones",
  campaigns: "pushCampaigns",
  approvals: "pushApprovals",
} as const satisfies Partial<Record<PushCategory, string>>;
export type SwitchedPushCategory = keyof typeof PUSH_SWITCHES;
export type PushSwitchColumn = (typeof PUSH_SWITCHES)[SwitchedPushCategory];

export const PUSH_CATEGORY_LABELS: Record<SwitchedPushCategory, { label: string; hint: string }> = {
  "new-content": {
    label: "New content for me",
    hint: "A post for your teams or the topics you follow goes live.",
  },
  milestones: {
    label: "Milestones",
    hint: "Your shares reach visits and outcomes; you earn a badge.",
  },
  campaigns: { label: "Campaign news", hint: "Campaigns you take part in start or reach a goal." },
  approvals: { label: "Approvals", hint: "An item waits for your approval." },
};

/** The push category of a notification kind, or null when it is not pushed. */
export function pushCategoryOf(kind: string): PushCategory | null {
  if (kind === "content.new_for_you" || kind === "content.published") return "new-content";
  if (kind.startsWith("impact.") || kind === "badge.earned") return "milestones";
  if (kind.startsWith("campaign.")) return "campaigns";
  if (kind === "approval.requested") return "approvals";
  if (kind === "share.reminder") return "reminders";
  return null;
}

/** Whether a person with these switches gets pushes of `category` (reminders: always). */
export function isPushWanted(
  category: PushCategory,
  switches: Record<PushSwitchColumn, boolean>,
): boolean {
  return category === "reminders" ? true : switches[PUSH_SWITCHES[category]];
}

/**
 * The page a tap opens: a same-origin path. An absolute URL of the app becomes its path; anything
 * else (another site, `//host`, `javascript:`) falls back to the feed.
 */
export function pushPath(url: string | null | undefined, appOrigin: string): string {
  if (!url) return "/feed";
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(appOrigin).origin) {
      return `${parsed.pathname}${parsed.search}${parsed.hash}`;
    }
  } catch {
    // not a URL
  }
  return "/feed";
}
