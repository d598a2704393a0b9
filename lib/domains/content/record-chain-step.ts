import type { Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict } from "@/lib/core/errors/app-error";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import type { Access } from "@/lib/domains/access/resolve-access";
import {
  approvalsAt,
  currentStageIndex,
  type ChainState,
} from "@/lib/domains/content/approval-chain";
import { currentRound } from "@/lib/domains/content/load-approval-chain";

export type ChainStepKind = "submitted" | "approved" | "sent_back" | "restarted";

/**
 * Writes one step of an item's way through the approval chain, inside the transaction that holds
 * the item's row lock. A submission or a restart opens a new round at stage 1; an approval counts
 * at the current stage (the unique approval key refuses a second one by the same person, even
 * from a racing request) and says whether it finished the chain.
 */
export async function recordChainStep(
  tx: Tx,
  access: Pick<Access, "orgId" | "userId">,
  itemId: string,
  chain: Pick<ChainState, "stages" | "approvals">,
  kind: ChainStepKind,
  {
    transitionId = null,
    comment = null,
  }: { transitionId?: string | null; comment?: string | null } = {},
) {
  const opensRound = kind === "submitted" || kind === "restarted";
  const round = (await currentRound(itemId, tx)) + (opensRound ? 1 : 0);
  const index = opensRound ? 0 : Math.min(currentStageIndex(chain), chain.stages.length - 1);
  const stage = chain.stages[index]!;
  const id = createId("cas");
  try {
    await tx.contentApprovalStep.create({
      data: {
        id,
        orgId: access.orgId,
        itemId,
        round,
        kind,
        stageId: stage.id,
        stageName: stage.name,
        stageNumber: index + 1,
        stageCount: chain.stages.length,
        actorId: access.userId,
        comment: comment || null,
        transitionId,
        approvalKey: kind === "approved" ? `${itemId}:${round}:${stage.id}:${access.userId}` : null,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("You approved at this stage already.");
    throw error;
  }
  const completes =
    kind === "approved" &&
    index === chain.stages.length - 1 &&
    approvalsAt(chain, stage.id) + 1 >= stage.requiredCount;
  return {
    completes,
    stageName: stage.name,
    /** Links the step to the status change it came with (the final approval's publication). */
    attach: async (id2: string) => {
      await tx.contentApprovalStep.update({ where: { id }, data: { transitionId: id2 } });
    },
  };
}
