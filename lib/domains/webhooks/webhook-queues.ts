import type { JobQueue } from "@/lib/jobs/queues";
import {
  WEBHOOK_ANNOUNCE_LIVE,
  WEBHOOK_DELIVER,
  WEBHOOK_RETRY_LIMIT,
} from "@/lib/domains/webhooks/webhook-constants";

/** Webhook delivery and the safety net for items that went live without a transition. */
export const WEBHOOK_QUEUES: JobQueue[] = [
  {
    name: WEBHOOK_DELIVER,
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 60,
    retryLimit: WEBHOOK_RETRY_LIMIT,
    // 10 s, 20 s, 40 s, 80 s, 160 s (pg-boss adds jitter): a chat service down for ~5 min is covered.
    retryDelay: 10,
    retryBackoff: true,
    concurrency: 2,
    run: async (data, job) => {
      const { deliverWebhook } = await import("@/lib/domains/webhooks/deliver-webhook");
      const queue = WEBHOOK_QUEUES[0]!;
      await deliverWebhook(String(data.deliveryId), {
        retryCount: job.retryCount,
        retryLimit: queue.retryLimit ?? WEBHOOK_RETRY_LIMIT,
        deferrals: Number(data.deferrals ?? 0),
      });
    },
  },
  {
    name: WEBHOOK_ANNOUNCE_LIVE,
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 5,
    expireInSeconds: 5 * 60,
    run: async () => {
      const [{ announceItemsGoneLive }, { failLostDeliveries }] = await Promise.all([
        import("@/lib/domains/content/announce-content"),
        import("@/lib/domains/webhooks/webhook-deliveries"),
      ]);
      await announceItemsGoneLive();
      await failLostDeliveries();
    },
  },
];
