import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Turns new bell notifications into push deliveries (one per subscribed device whose owner wants
 * the category). Sent in the transaction that creates the notifications, so it runs only once
 * they are committed and never for a rolled-back one.
 */
export const pushFanOutJob = defineJob({
  name: "push-fan-out",
  schema: z.object({ notificationIds: z.array(z.string().min(1)).min(1).max(5000) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 5 * 60,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    concurrency: 2,
  },
  async handler({ notificationIds }) {
    const { fanOutPush } = await import("@/lib/domains/push/fan-out-push");
    await fanOutPush(notificationIds);
  },
});
