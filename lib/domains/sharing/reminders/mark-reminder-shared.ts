import type { Tx } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";

/**
 * Inside the transaction that records a share: the reminder it came from becomes SHARED with the
 * share's id. Only the caller's own open reminder for that item qualifies; anything else is "not
 * found" and the share is not recorded either.
 */
export async function markReminderShared(
  tx: Tx,
  access: Access,
  reminderId: string,
  itemId: string,
  shareId: string,
): Promise<void> {
  const marked = await tx.shareReminder.updateMany({
    where: {
      id: reminderId,
      orgId: access.orgId,
      membershipId: access.membershipId,
      itemId,
      status: { in: ["PENDING", "SENT"] },
    },
    data: { status: "SHARED", shareId },
  });
  if (marked.count === 0) throw notFound("Reminder");
}

/** The caller's own open reminder for the composer's prefill, or null. */
export async function findOpenReminder(
  tx: Pick<Tx, "shareReminder">,
  access: Access,
  reminderId: string,
  itemId: string,
) {
  return tx.shareReminder.findFirst({
    where: {
      id: reminderId,
      orgId: access.orgId,
      membershipId: access.membershipId,
      itemId,
      status: { in: ["PENDING", "SENT"] },
    },
    select: { id: true, network: true, text: true, startedFrom: true, language: true },
  });
}
