import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Attempts of one delivery before it is FAILED: 1 + PUSH_RETRY_LIMIT. */
export const PUSH_RETRY_LIMIT = 4;

/** Sends one PushDelivery (its row holds title, body and page). */
export const sendPushJob = defineJob({
  name: "push-send",
  schema: z.object({ deliveryId: z.string().min(1) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 2 * 60,
    // 1 + 4 attempts over ~5 minutes: 20 s, 40 s, 80 s, 160 s.
    retryLimit: PUSH_RETRY_LIMIT,
    retryDelay: 20,
    retryBackoff: true,
    concurrency: 4,
  },
  async handler({ deliveryId }, job) {
    const { sendPushDelivery } = await import("@/lib/domains/push/send-push-delivery");
    await sendPushDelivery(deliveryId, job);
  },
});
