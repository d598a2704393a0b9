import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { OUTCOME_WORDS } from "@/lib/domains/milestones/outcome-words";

/**
 * Moments that matter for one share, decided from its rollup totals before and after a rollup run
 * (pure, so the rules are unit-tested): the first visit, 10, 50 and 100 unique visits, the first
 * outcome, and a new personal best (more visits than any other share of the person ever had).
 */

export const VISIT_THRESHOLDS = [1, 10, 50, 100] as const;

/** Notifications a person gets from these at most per day (in the organisation's time zone). */
export const DAILY_MILESTONE_CAP = 3;

/** Every milestone notification's kind starts with this (the daily cap counts them). */
export const MILESTONE_KIND_PREFIX = "impact.";

export type MilestoneKind =
  | "impact.first-visit"
  | "impact.visits-10"
  | "impact.visits-50"
  | "impact.visits-100"
  | "impact.first-outcome"
  | "impact.best";

export interface ShareProgress {
  shareId: string;
  itemTitle: string;
  /** Unique visits in all its rollup rows, and in the rows the run did not touch. */
  visits: number;
  visitsBefore: number;
  conversions: number;
  conversionsBefore: number;
  /** The run counted a visit on today or yesterday (org time zone): fresh news, not a rebuild. */
  recentVisits: boolean;
  /** Outcomes in all its rows (read only for the first outcome). */
  outcomes: Record<ConversionOutcome, number>;
  /** The most visits any other share of the person has (0 when none has any). */
  otherBest: number;
}

export interface Milestone {
  kind: MilestoneKind;
  shareId: string;
  title: string;
  body: string;
  /** Higher first when the daily cap leaves room for only some. */
  priority: number;
}

/** The outcome a first-outcome notification names: the most valuable one that happened. */
const OUTCOME_PRIORITY: ConversionOutcome[] = [
  "HIRE",
  "DEAL",
  "APPLICATION",
  "OPPORTUNITY",
  "LEAD",
  "SIGNUP",
  "VISIT",
];

function quote(title: string): string {
  return `“${title}”`;
}

/**
 * What to announce for one share after a run. Only the highest visit threshold crossed in the run
 * (0 → 12 visits says "10 visits", not also "first visit"); visit milestones only when the run
 * counted a recent visit, so a rebuild of old rollups (a time-zone change) announces no old news.
 * A first outcome counts whenever it was learned (conversions are often reported days later).
 */
export function decideMilestones(share: ShareProgress): Milestone[] {
  const out: Milestone[] = [];
  const post = quote(share.itemTitle);
  if (share.recentVisits) {
    const crossed = VISIT_THRESHOLDS.filter((t) => share.visitsBefore < t && share.visits >= t);
    const top = crossed.at(-1);
    if (top === 1) {
      out.push({
        kind: "impact.first-visit",
        shareId: share.shareId,
        title: `Your post about ${post} got its first visit`,
        body: "Someone followed the link you shared. See what your shares bring in My activity.",
        priority: 2,
      });
    } else if (top !== undefined) {
      out.push({
        kind: `impact.visits-${top}` as MilestoneKind,
        shareId: share.shareId,
        title: `Your post about ${post} reached ${top} visits`,
        body: `${top} people have followed the link you shared so far.`,
        priority: top === 100 ? 4 : 3,
      });
    }
    // A personal best beats an earlier share's record: the first share with visits sets none.
    if (
      share.otherBest > 0 &&
      share.visitsBefore <= share.otherBest &&
      share.visits > share.otherBest
    ) {
      out.push({
        kind: "impact.best",
        shareId: share.shareId,
        title: `New personal best: your post about ${post}`,
        body: `${share.visits} visits — more than any of your shares before (${share.otherBest}).`,
        priority: 1,
      });
    }
  }
  if (share.conversionsBefore === 0 && share.conversions > 0) {
    const outcome = OUTCOME_PRIORITY.find((o) => share.outcomes[o] > 0) ?? "VISIT";
    out.push({
      kind: "impact.first-outcome",
      shareId: share.shareId,
      title: `Your post about ${post} brought its first ${OUTCOME_WORDS[outcome].one}`,
      body: "An outcome attributed to the link you shared. Well done!",
      priority: 5,
    });
  }
  return out;
}

/** The link of a milestone: one per share, so "once each" is per share and kind. */
export function milestoneUrl(shareId: string): string {
  return `/activity?share=${encodeURIComponent(shareId)}`;
}
