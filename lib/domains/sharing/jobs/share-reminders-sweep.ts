import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Every five minutes: sends the reminders whose time passed without their job running (the queue
 * was unreachable when the reminder was set, or the job was lost).
 */
export const shareRemindersSweepJob = defineJob({
  name: "share-reminders-sweep",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "*/5 * * * *",
    pollingIntervalSeconds: 5,
    expireInSeconds: 5 * 60,
  },
  async handler() {
    const { sendOverdueReminders } =
      await import("@/lib/domains/sharing/reminders/send-share-reminder");
    await sendOverdueReminders();
  },
});
