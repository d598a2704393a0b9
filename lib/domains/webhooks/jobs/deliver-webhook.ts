import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Retries after the first attempt (pg-boss retryLimit). */
export const WEBHOOK_RETRY_LIMIT = 5;

/** Posts one PENDING webhook delivery to Slack or Teams. */
export const deliverWebhookJob = defineJob({
  name: "webhook-deliver",
  schema: z.object({
    deliveryId: z.string().min(1),
    /** Times a 429 put this delivery off already (per Retry-After). */
    deferrals: z.number().int().min(0).default(0),
  }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 60,
    retryLimit: WEBHOOK_RETRY_LIMIT,
    // 10 s, 20 s, 40 s, 80 s, 160 s (pg-boss adds jitter): a chat service down for ~5 min is covered.
    retryDelay: 10,
    retryBackoff: true,
    concurrency: 2,
  },
  async handler({ deliveryId, deferrals }, job) {
    const { deliverWebhook } = await import("@/lib/domains/webhooks/deliver-webhook");
    await deliverWebhook(deliveryId, {
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      deferrals,
    });
  },
});
