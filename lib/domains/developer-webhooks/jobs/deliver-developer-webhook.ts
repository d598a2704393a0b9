import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Retries after the first attempt (pg-boss retryLimit). */
export const DEVELOPER_WEBHOOK_RETRY_LIMIT = 6;

/** Sends one PENDING developer webhook message (signed, Standard Webhooks). */
export const deliverDeveloperWebhookJob = defineJob({
  name: "developer-webhook-deliver",
  schema: z.object({ deliveryId: z.string().min(1) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 60,
    retryLimit: DEVELOPER_WEBHOOK_RETRY_LIMIT,
    // 30 s, 1, 2, 4, 8, 16 min (pg-boss adds jitter): a receiver down for half an hour is covered.
    retryDelay: 30,
    retryBackoff: true,
    concurrency: 2,
  },
  async handler({ deliveryId }, job) {
    const { deliverDeveloperWebhook } =
      await import("@/lib/domains/developer-webhooks/deliver-developer-webhook");
    await deliverDeveloperWebhook(deliveryId, {
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    });
  },
});
