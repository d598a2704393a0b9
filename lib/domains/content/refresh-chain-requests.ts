import { db } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/http/app-url";
import type { Access } from "@/lib/domains/access/resolve-access";
import { currentStageIndex, type ChainStage } from "@/lib/domains/content/approval-chain";
import { listApprovers } from "@/lib/domains/content/list-approvers";
import { currentRound, listChainStages } from "@/lib/domains/content/load-approval-chain";
import { APPROVAL_REQUESTED } from "@/lib/domains/content/notify-approval-request";
import { settleApprovalRequests } from "@/lib/domains/content/settle-approval-requests";
import { queueEmail } from "@/lib/domains/email/queue-email";
import { createNotificationOnce } from "@/lib/domains/notifications/create-notification-once";
import { approvalRequestEmail } from "@/lib/integrations/email/templates/approval-request";

export interface StageStart {
  /** The step that opened the current stage: a submission, a restart or the approval before. */
  stepId: string;
  at: Date;
  stageIndex: number;
  stage: ChainStage;
  stageCount: number;
}

/** When and by which step the item's current stage opened (null: not in a chain round). */
export async function findStageStart(orgId: string, itemId: string): Promise<StageStart | null> {
  const [stages, round] = await Promise.all([listChainStages(orgId), currentRound(itemId)]);
  if (stages.length === 0 || round === 0) return null;
  const steps = await db.contentApprovalStep.findMany({
    where: { orgId, itemId, round },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, stageId: true, actorId: true, createdAt: true },
  });
  const first = steps[0];
  if (!first) return null;
  let start = { stepId: first.id, at: first.createdAt, stageIndex: 0 };
  const approvals: { stageId: string; actorId: string }[] = [];
  for (const step of steps) {
    if (step.kind !== "approved" || !step.stageId || !step.actorId) continue;
    approvals.push({ stageId: step.stageId, actorId: step.actorId });
    const index = currentStageIndex({ stages, approvals });
    if (index !== start.stageIndex)
      start = { stepId: step.id, at: step.createdAt, stageIndex: index };
  }
  const stage = stages[start.stageIndex];
  return stage ? { ...start, stage, stageCount: stages.length } : null;
}

/**
 * Under an approval chain, after any move of an item (committed): the approval requests already
 * answered are marked read (earlier stages and rounds, and the actor's own), and the approvers of
 * the item's current stage are asked — bell (and push, through the bell's fan-out) and email —
 * once per stage opening. An item that left review only has its requests settled.
 */
export async function refreshChainRequests(access: Access, itemId: string): Promise<void> {
  const { orgId } = access;
  const item = await db.contentItem.findFirst({
    where: { id: itemId, orgId },
    select: { title: true, status: true },
  });
  if (!item) return;
  if (item.status !== "IN_REVIEW") {
    await settleApprovalRequests(orgId, itemId);
    return;
  }
  const start = await findStageStart(orgId, itemId);
  if (!start) return;
  const url = `/studio/${itemId}`;
  await db.notification.updateMany({
    where: {
      orgId,
      kind: APPROVAL_REQUESTED,
      url,
      readAt: null,
      OR: [{ createdAt: { lt: start.at } }, { userId: access.userId }],
    },
    data: { readAt: new Date() },
  });
  const stageText = `Stage ${start.stageIndex + 1} of ${start.stageCount}: ${start.stage.name}.`;
  for (const approver of await listApprovers(orgId, itemId, access.userId)) {
    await createNotificationOnce(
      {
        orgId,
        userId: approver.userId,
        kind: APPROVAL_REQUESTED,
        title: `“${item.title}” waits for your approval`,
        body: `${stageText} Open it to approve or send it back.`,
        url,
      },
      { since: start.at },
    );
    await queueEmail({
      orgId,
      userId: approver.userId,
      to: approver.email,
      category: "approvals",
      ...approvalRequestEmail({
        recipientName: approver.name,
        submitterName: access.user.name,
        itemTitle: item.title,
        orgName: access.org.name,
        comment: `${stageText} You approve at this stage.`,
        reviewUrl: `${appUrl()}${url}`,
      }),
      dedupeKey: `approval:${start.stepId}:${approver.userId}`,
    });
  }
}

/** The same, never throwing: a move is not undone because a request could not be sent. */
export async function refreshChainRequestsSafely(access: Access, itemId: string): Promise<void> {
  try {
    await refreshChainRequests(access, itemId);
  } catch (error) {
    console.error("[notifications] could not update approval-chain requests", error);
  }
}
