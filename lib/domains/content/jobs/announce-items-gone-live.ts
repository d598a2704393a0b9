import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Every minute: announces items that went live without a transition (a publish window opening)
 * to the organisation's webhooks and to the bell of their audience ("New for you"), and fails
 * webhook deliveries whose job was lost.
 */
export const announceItemsGoneLiveJob = defineJob({
  name: "webhook-announce-live",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 5,
    expireInSeconds: 5 * 60,
  },
  async handler() {
    const [{ announceItemsGoneLive }, { failLostDeliveries }] = await Promise.all([
      import("@/lib/domains/content/announce-content"),
      import("@/lib/domains/webhooks/webhook-deliveries"),
    ]);
    await announceItemsGoneLive();
    await failLostDeliveries();
  },
});
