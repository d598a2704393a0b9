import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Hourly: the bell tells members whose LinkedIn connection expires soon or has expired. */
export const linkedInReconnectRemindersJob = defineJob({
  name: "linkedin-reconnect-reminders",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "41 * * * *",
    pollingIntervalSeconds: 60,
    expireInSeconds: 10 * 60,
    retryLimit: 2,
    retryDelay: 60,
  },
  async handler() {
    const { remindLinkedInReconnects } = await import("@/lib/domains/linkedin/remind-reconnect");
    await remindLinkedInReconnects();
  },
});
