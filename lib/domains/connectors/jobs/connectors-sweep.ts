import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Every five minutes: queues a sync of each connection whose own interval (intervalMinutes,
 * 15 by default) has passed since its last sync.
 */
export const connectorsSweepJob = defineJob({
  name: "connectors-sweep",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "*/5 * * * *",
    pollingIntervalSeconds: 5,
    expireInSeconds: 5 * 60,
  },
  async handler() {
    const { listConnectionsDue } = await import("@/lib/domains/connectors/sync-connection");
    const { sendJob } = await import("@/lib/core/jobs/send-job");
    const { connectorSyncJob } = await import("@/lib/domains/connectors/jobs/connector-sync");
    for (const connectionId of await listConnectionsDue()) {
      await sendJob(connectorSyncJob, { connectionId });
    }
  },
});
