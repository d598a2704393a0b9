import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { queueEmail } from "@/lib/domains/email/queue-email";
import { approvalRequestEmail } from "@/lib/integrations/email/templates/approval-request";
import { appUrl } from "@/lib/core/http/app-url";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { listApprovers } from "@/lib/domains/content/list-approvers";

/**
 * After an item was submitted for review (DRAFT → IN_REVIEW, committed): when the organisation
 * requires approval, everyone who may approve it (listApprovers: other active admins, not its
 * author) gets an approval request (category "approvals").
 * Dedupe key `approval:<transitionId>:<userId>`: a repeated call sends nothing twice.
 */
export async function queueApprovalRequests(access: Access, itemId: string): Promise<number> {
  const { orgId } = access;
  if (!(await getOrgSettings(orgId)).requireApproval) return 0;
  const [transition, item, approvers] = await Promise.all([
    db.contentTransition.findFirst({
      where: { orgId, itemId, toStatus: "IN_REVIEW" },
      orderBy: { createdAt: "desc" },
      select: { id: true, comment: true, actorId: true },
    }),
    db.contentItem.findFirst({ where: { id: itemId, orgId }, select: { title: true } }),
    listApprovers(orgId, itemId, access.userId),
  ]);
  if (!transition || !item) return 0;
  let queued = 0;
  for (const admin of approvers) {
    const result = await queueEmail({
      orgId,
      userId: admin.userId,
      to: admin.email,
      category: "approvals",
      ...approvalRequestEmail({
        recipientName: admin.name,
        submitterName: access.user.name,
        itemTitle: item.title,
        orgName: access.org.name,
        comment: transition.comment,
        reviewUrl: `${appUrl()}/studio/${itemId}`,
      }),
      dedupeKey: `approval:${transition.id}:${admin.userId}`,
    });
    if (result.created) queued++;
  }
  return queued;
}

/** The same, never throwing: a submission is not undone because an email could not be queued. */
export async function queueApprovalRequestsSafely(access: Access, itemId: string): Promise<void> {
  try {
    await queueApprovalRequests(access, itemId);
  } catch (error) {
    console.error("[email] could not queue approval requests", error);
  }
}
