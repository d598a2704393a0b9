import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Sends one share-later reminder at its time (sent with `startAfter` = the reminder's time, under
 * the id stored in ShareReminder.jobId): a bell notification and an email with the one-tap link.
 * A reminder cancelled, shared or already sent meanwhile is left alone.
 */
export const sendShareReminderJob = defineJob({
  name: "share-reminder-send",
  schema: z.object({ reminderId: z.string().min(1) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 2,
    expireInSeconds: 5 * 60,
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
  },
  async handler({ reminderId }) {
    const { sendShareReminder } =
      await import("@/lib/domains/sharing/reminders/send-share-reminder");
    await sendShareReminder(reminderId);
  },
});
