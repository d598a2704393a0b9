import type { Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type { ChainStage } from "@/lib/domains/content/approval-chain";
import { recordChainStep } from "@/lib/domains/content/record-chain-step";
import type { ContentStatus } from "@/lib/generated/prisma/enums";

/**
 * The content of an item in review or approved changed (inside the edit's transaction, item row
 * locked): what the approvers saw is no longer what would be shared, so the chain starts again at
 * stage 1 — an approved item goes back to review, and the history says the edit restarted it.
 */
export async function restartApprovalChain(
  tx: Tx,
  access: Pick<Access, "orgId" | "userId">,
  itemId: string,
  status: ContentStatus,
  stages: ChainStage[],
): Promise<void> {
  let transitionId: string | null = null;
  if (status === "PUBLISHED") {
    transitionId = createId("ctt");
    await tx.contentItem.update({ where: { id: itemId }, data: { status: "IN_REVIEW" } });
    await tx.contentTransition.create({
      data: {
        id: transitionId,
        orgId: access.orgId,
        itemId,
        fromStatus: "PUBLISHED",
        toStatus: "IN_REVIEW",
        actorId: access.userId,
        comment: null,
      },
    });
  }
  await recordChainStep(tx, access, itemId, { stages, approvals: [] }, "restarted", {
    transitionId,
  });
  await recordAudit(tx, {
    orgId: access.orgId,
    actorId: access.userId,
    action: "content.approval_restarted",
    targetType: "content",
    targetId: itemId,
    metadata: { from: status },
  });
}
