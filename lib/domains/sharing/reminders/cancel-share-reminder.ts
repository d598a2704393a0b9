import { db } from "@/lib/core/db/client";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { cancelJob } from "@/lib/core/jobs/send-job";
import type { Access } from "@/lib/domains/access/resolve-access";
import { sendShareReminderJob } from "@/lib/domains/sharing/jobs/send-share-reminder";

/**
 * Cancels one of the caller's reminders (waiting, or sent and not shared yet); anyone else's — or
 * another organisation's — is "not found". Its job, if still waiting, is cancelled too (a job
 * that runs anyway finds the reminder cancelled and sends nothing).
 */
export async function cancelShareReminder(access: Access, reminderId: string) {
  const reminder = await db.shareReminder.findFirst({
    where: { id: reminderId, orgId: access.orgId, membershipId: access.membershipId },
    select: { id: true, status: true, jobId: true },
  });
  if (!reminder) throw notFound("Reminder");
  if (reminder.status === "SHARED") throw conflict("You have already shared this post.");
  if (reminder.status === "CANCELLED") return { id: reminder.id, status: "CANCELLED" as const };
  await db.shareReminder.updateMany({
    where: { id: reminder.id, status: { in: ["PENDING", "SENT"] } },
    data: { status: "CANCELLED" },
  });
  if (reminder.status === "PENDING" && reminder.jobId) {
    await cancelJob(sendShareReminderJob, reminder.jobId).catch(() => undefined);
  }
  return { id: reminder.id, status: "CANCELLED" as const };
}
