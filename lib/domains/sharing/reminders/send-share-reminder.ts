import { db } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/http/app-url";
import { queueEmail } from "@/lib/domains/email/queue-email";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import { reminderPath } from "@/lib/domains/sharing/reminders/reminder-link";
import { networkLabel } from "@/lib/domains/sharing/social-networks";
import { shareReminderEmail } from "@/lib/integrations/email/templates/share-reminder";

/** A reminder whose job has not sent it this long after its time is sent by the sweep. */
export const OVERDUE_AFTER_MS = 2 * 60_000;

/**
 * Sends one reminder: PENDING → SENT together with its bell notification (kind `share.reminder`,
 * which push delivery also announces), then its email (dedupe key per reminder, so a retry after
 * a failure sends it once). A reminder not yet due, cancelled or already shared is left alone.
 * Returns whether this call sent the notification.
 */
export async function sendShareReminder(reminderId: string, now = new Date()): Promise<boolean> {
  const reminder = await db.shareReminder.findUnique({
    where: { id: reminderId },
    select: {
      id: true,
      orgId: true,
      userId: true,
      itemId: true,
      network: true,
      status: true,
      remindAt: true,
      item: { select: { title: true } },
    },
  });
  if (!reminder || reminder.remindAt.getTime() > now.getTime() + 5_000) return false;
  const path = reminderPath(reminder.itemId, reminder.id);
  let sent = false;
  if (reminder.status === "PENDING") {
    sent = await db.$transaction(async (tx) => {
      const claimed = await tx.shareReminder.updateMany({
        where: { id: reminder.id, status: "PENDING" },
        data: { status: "SENT", sentAt: now },
      });
      if (claimed.count === 0) return false;
      await createNotification(
        {
          orgId: reminder.orgId,
          userId: reminder.userId,
          kind: "share.reminder",
          title: `Ready to share: ${reminder.item.title}`,
          body: `Your post for ${networkLabel(reminder.network)} is ready: one tap to share it.`,
          url: path,
        },
        tx,
      );
      return true;
    });
    if (!sent) return false;
  } else if (reminder.status !== "SENT") {
    return false;
  }
  // SENT (now or by an earlier attempt whose email failed): the dedupe key makes this idempotent.
  const user = await db.user.findUniqueOrThrow({
    where: { id: reminder.userId },
    select: { name: true, email: true },
  });
  const email = shareReminderEmail({
    recipientName: user.name,
    itemTitle: reminder.item.title,
    networkLabel: networkLabel(reminder.network),
    shareUrl: `${appUrl()}${path}`,
  });
  await queueEmail({
    orgId: reminder.orgId,
    userId: reminder.userId,
    to: user.email,
    category: "reminder",
    subject: email.subject,
    text: email.text,
    html: email.html,
    dedupeKey: `share-reminder:${reminder.id}`,
  });
  return sent;
}

/** The sweep: sends every PENDING reminder more than two minutes past its time. */
export async function sendOverdueReminders(now = new Date()): Promise<number> {
  const overdue = await db.shareReminder.findMany({
    where: { status: "PENDING", remindAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } },
    orderBy: { remindAt: "asc" },
    take: 500,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of overdue) {
    try {
      if (await sendShareReminder(id, now)) sent++;
    } catch (error) {
      console.error(`[share-reminders] could not send reminder ${id}`, error);
    }
  }
  return sent;
}
