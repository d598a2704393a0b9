import type { Role } from "@/lib/generated/prisma/enums";

/** A stage of the organisation's approval chain, as the rule reads it. */
export interface ChainStage {
  id: string;
  name: string;
  requiredCount: number;
  /** Members with one of these roles approve here… */
  roles: Role[];
  /** …and so do these members (user ids). */
  memberIds: string[];
}

/**
 * Where an item in review stands in the chain: the stages in order and the approvals of the
 * current round (each stage id with who approved there). Present only when stages are configured.
 */
export interface ChainState {
  stages: ChainStage[];
  approvals: { stageId: string; actorId: string }[];
  /** The person judged: their role in the organisation (null: not an active member). */
  actorRole: Role | null;
  /** Whether their role lets them approve content at all (the permission, today ADMIN). */
  actorMayApprove: boolean;
}

/** Distinct approvers of one stage in the current round (a person counts once per stage). */
export function approvalsAt(state: Pick<ChainState, "approvals">, stageId: string): number {
  return new Set(state.approvals.filter((a) => a.stageId === stageId).map((a) => a.actorId)).size;
}

/** Index of the first stage still short of approvals; stages.length when every stage is done. */
export function currentStageIndex(state: Pick<ChainState, "stages" | "approvals">): number {
  const index = state.stages.findIndex((s) => approvalsAt(state, s.id) < s.requiredCount);
  return index === -1 ? state.stages.length : index;
}

/** Whether a person is named at a stage, or holds one of its roles. */
export function isStageApprover(stage: ChainStage, userId: string, role: Role | null): boolean {
  return stage.memberIds.includes(userId) || (role !== null && stage.roles.includes(role));
}

/** "stage 1 of 2 (Comms)" */
export function stageLabel(index: number, stages: Pick<ChainStage, "name">[]): string {
  return `stage ${index + 1} of ${stages.length} (${stages[index]?.name ?? "removed"})`;
}

export type ChainCheck =
  { ok: true; stageIndex: number; completes: boolean } | { ok: false; reason: string };

/**
 * Whether `actorId` may approve the item at its current stage now. The people who wrote this
 * version (its author, its last editor) never approve it, even when they are stage approvers; a
 * person counts once per stage; only the current stage's approvers approve.
 */
export function checkChainApproval(
  state: ChainState,
  who: { actorId: string; authorId: string | null; lastEditedById: string | null },
): ChainCheck {
  const index = currentStageIndex(state);
  const stage = state.stages[index];
  if (!stage) return { ok: false, reason: "Every stage has approved this item already." };
  if (who.authorId && who.authorId === who.actorId) {
    return { ok: false, reason: "You wrote this item, so other approvers have to approve it." };
  }
  if (who.lastEditedById && who.lastEditedById === who.actorId) {
    return { ok: false, reason: "You edited this version, so other approvers have to approve it." };
  }
  if (!state.actorMayApprove || !isStageApprover(stage, who.actorId, state.actorRole)) {
    return {
      ok: false,
      reason: `It waits for the approvers of ${stageLabel(index, state.stages)}.`,
    };
  }
  if (state.approvals.some((a) => a.stageId === stage.id && a.actorId === who.actorId)) {
    return {
      ok: false,
      reason: `You approved at ${stageLabel(index, state.stages)} already; it needs ${stage.requiredCount - approvalsAt(state, stage.id)} more.`,
    };
  }
  const completes =
    index === state.stages.length - 1 && approvalsAt(state, stage.id) + 1 >= stage.requiredCount;
  return { ok: true, stageIndex: index, completes };
}

/**
 * Who may send an item in review back to draft under a chain: the approvers of its current stage,
 * and the people who wrote or submitted it (withdrawing it). A comment is always required.
 */
export function checkChainSendBack(
  state: ChainState,
  who: { actorId: string; authorId: string | null; contributorIds: (string | null)[] },
): { ok: true } | { ok: false; reason: string } {
  if (who.actorId === who.authorId || who.contributorIds.includes(who.actorId)) return { ok: true };
  const index = currentStageIndex(state);
  const stage = state.stages[index];
  if (stage && state.actorMayApprove && isStageApprover(stage, who.actorId, state.actorRole)) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: `Only the approvers of ${stageLabel(Math.min(index, state.stages.length - 1), state.stages)} or its author can send it back.`,
  };
}
