import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";

/** Marks one of the member's own notifications read; anyone else's id answers 404. */
export async function markNotificationRead(
  orgId: string,
  userId: string,
  id: string,
): Promise<void> {
  const found = await db.notification.findFirst({
    where: { id, orgId, userId },
    select: { readAt: true },
  });
  if (!found) throw notFound("Notification");
  if (!found.readAt) {
    await db.notification.updateMany({
      where: { id, orgId, userId, readAt: null },
      data: { readAt: new Date() },
    });
  }
}

/** Marks all of the member's unread notifications in this organisation read; returns how many. */
export async function markAllNotificationsRead(orgId: string, userId: string): Promise<number> {
  const result = await db.notification.updateMany({
    where: { orgId, userId, readAt: null },
    data: { readAt: new Date() },
  });
  return result.count;
}
