import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Syncs one HubSpot or Greenhouse connection from its cursor (queued by the sweep or "Sync now"). */
export const connectorSyncJob = defineJob({
  name: "connector-sync",
  schema: z.object({ connectionId: z.string().min(1) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 5,
    expireInSeconds: 15 * 60,
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    concurrency: 1,
    // One waiting or running job per connection: "Sync now" pressed twice queues one sync.
    singletonKey: ({ connectionId }) => connectionId,
  },
  async handler({ connectionId }) {
    const { syncConnection } = await import("@/lib/domains/connectors/sync-connection");
    await syncConnection(connectionId);
  },
});
