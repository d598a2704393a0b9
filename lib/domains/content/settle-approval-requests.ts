import { db } from "@/lib/core/db/client";
import { APPROVAL_REQUESTED } from "@/lib/domains/content/notify-approval-request";

/**
 * An item left review (approved, or sent back to draft): the approval requests still unread in
 * other reviewers' bells are answered, so they are marked read. Returns how many.
 */
export async function settleApprovalRequests(orgId: string, itemId: string): Promise<number> {
  const result = await db.notification.updateMany({
    where: { orgId, kind: APPROVAL_REQUESTED, url: `/studio/${itemId}`, readAt: null },
    data: { readAt: new Date() },
  });
  return result.count;
}
