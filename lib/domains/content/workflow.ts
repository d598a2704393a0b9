import type { ContentStatus } from "@/lib/generated/prisma/enums";
import {
  checkChainApproval,
  checkChainSendBack,
  stageLabel,
  type ChainState,
} from "@/lib/domains/content/approval-chain";

/**
 * The content workflow as data. Each allowed transition names the action a person takes; anything
 * not listed (ARCHIVED → IN_REVIEW, PUBLISHED → IN_REVIEW…) is refused.
 */
export const TRANSITIONS: Record<ContentStatus, Partial<Record<ContentStatus, string>>> = {
  DRAFT: { IN_REVIEW: "submit for review", PUBLISHED: "publish", ARCHIVED: "archive" },
  IN_REVIEW: { PUBLISHED: "approve and publish", DRAFT: "send back to draft" },
  PUBLISHED: { ARCHIVED: "archive", DRAFT: "unpublish" },
  ARCHIVED: { DRAFT: "restore as draft" },
};

export const STATUS_LABELS: Record<ContentStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

export type TransitionCheck = { ok: true; action: string } | { ok: false; reason: string };

export interface TransitionContext {
  from: ContentStatus;
  to: ContentStatus;
  /** The organisation requires a second admin's approval before publishing. */
  requireApproval: boolean;
  actorId: string;
  authorId: string | null;
  /** Everyone who wrote, edited or submitted this version: none of them may approve it. */
  contributorIds?: (string | null)[];
  /** Who saved this version last (the approval chain never lets them approve it). */
  lastEditedById?: string | null;
  /** The organisation's approval chain, when it configured stages (else the single-step rule). */
  chain?: ChainState | null;
}

/** Whether a status change is allowed, and if not, a sentence saying why. */
export function checkTransition(ctx: TransitionContext): TransitionCheck {
  const action = TRANSITIONS[ctx.from][ctx.to];
  if (!action) {
    const allowed = Object.keys(TRANSITIONS[ctx.from]).map(
      (s) => STATUS_LABELS[s as ContentStatus],
    );
    return {
      ok: false,
      reason: `An item that is ${STATUS_LABELS[ctx.from].toLowerCase()} cannot move to ${STATUS_LABELS[ctx.to].toLowerCase()} (it can move to: ${allowed.join(", ").toLowerCase()}).`,
    };
  }
  if (ctx.chain && ctx.from === "IN_REVIEW") return checkChainMove(ctx, ctx.chain, action);
  if (ctx.to === "PUBLISHED" && (ctx.requireApproval || ctx.chain)) {
    if (ctx.from === "DRAFT") {
      return {
        ok: false,
        reason:
          "This organisation requires approval by a second admin: submit the item for review first.",
      };
    }
    if (ctx.authorId && ctx.authorId === ctx.actorId) {
      return {
        ok: false,
        reason: "You wrote this item, so another admin has to approve it.",
      };
    }
    if (ctx.contributorIds?.includes(ctx.actorId)) {
      return {
        ok: false,
        reason: "You edited or submitted this version, so another admin has to approve it.",
      };
    }
  }
  return { ok: true, action };
}

/** Approving or sending back an item in review, under the organisation's approval chain. */
function checkChainMove(
  ctx: TransitionContext,
  chain: ChainState,
  action: string,
): TransitionCheck {
  const who = {
    actorId: ctx.actorId,
    authorId: ctx.authorId,
    lastEditedById: ctx.lastEditedById ?? null,
    contributorIds: ctx.contributorIds ?? [],
  };
  if (ctx.to === "PUBLISHED") {
    const check = checkChainApproval(chain, who);
    if (!check.ok) return check;
    return {
      ok: true as const,
      action: check.completes
        ? "approve and publish"
        : `approve at ${stageLabel(check.stageIndex, chain.stages)}`,
    };
  }
  if (ctx.to === "DRAFT") {
    const check = checkChainSendBack(chain, who);
    return check.ok ? { ok: true as const, action } : check;
  }
  return { ok: true as const, action };
}

/** A next step the workflow knows from a status, and whether this person may take it. */
export type TransitionOption =
  | { to: ContentStatus; action: string; allowed: true }
  | { to: ContentStatus; action: string; allowed: false; reason: string };

/**
 * Every move out of `ctx.from`, each judged by checkTransition — the same rule the server applies
 * when the move is made, so a page never offers what the server would refuse.
 */
export function transitionOptions(ctx: Omit<TransitionContext, "to">): TransitionOption[] {
  return (Object.entries(TRANSITIONS[ctx.from]) as [ContentStatus, string][]).map(
    ([to, action]) => {
      const check = checkTransition({ ...ctx, to });
      // The check names the step (under a chain: "approve at stage 1 of 2 (Comms)").
      return check.ok
        ? { to, action: check.action, allowed: true as const }
        : { to, action, allowed: false as const, reason: check.reason };
    },
  );
}
