import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listApprovers } from "@/lib/domains/content/list-approvers";
import { createNotificationOnce } from "@/lib/domains/notifications/create-notification-once";

export const APPROVAL_REQUESTED = "approval.requested";

/**
 * After an item was submitted for review (committed): the bell of everyone who may approve it
 * (listApprovers: the permission and the workflow rule decide) gets one request linking to the
 * item. Once per submission: a repeated call creates nothing; a new submission asks again.
 * Returns how many notifications were created.
 */
export async function notifyApprovalRequest(access: Access, itemId: string): Promise<number> {
  const { orgId } = access;
  const [item, submission, approvers] = await Promise.all([
    db.contentItem.findFirst({ where: { id: itemId, orgId }, select: { title: true } }),
    db.contentTransition.findFirst({
      where: { orgId, itemId, toStatus: "IN_REVIEW" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, comment: true },
    }),
    listApprovers(orgId, itemId, access.userId),
  ]);
  if (!item || !submission) return 0;
  let created = 0;
  for (const approver of approvers) {
    const id = await createNotificationOnce(
      {
        orgId,
        userId: approver.userId,
        kind: APPROVAL_REQUESTED,
        title: `${access.user.name} asks you to approve “${item.title}”`,
        body: submission.comment ?? "Submitted for review. Open it to approve or send it back.",
        url: `/studio/${itemId}`,
      },
      { since: submission.createdAt },
    );
    if (id) created++;
  }
  return created;
}
