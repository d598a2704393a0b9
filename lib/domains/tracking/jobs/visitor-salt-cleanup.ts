import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Daily: forgets the visitor salts older than two days (lib/domains/tracking/cleanup-visitor-salts.ts)
 * and the unique-visit sets of days past SHARE_VISIT_DAYS (cleanup-share-visits.ts).
 */
export const visitorSaltCleanupJob = defineJob({
  name: "visitor-salt-cleanup",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "17 3 * * *",
    pollingIntervalSeconds: 60,
    expireInSeconds: 5 * 60,
  },
  async handler() {
    const [{ cleanupVisitorSalts }, { cleanupShareVisits }, { getDb }] = await Promise.all([
      import("@/lib/domains/tracking/cleanup-visitor-salts"),
      import("@/lib/domains/tracking/cleanup-share-visits"),
      import("@/lib/core/db/client"),
    ]);
    await cleanupVisitorSalts(getDb());
    await cleanupShareVisits(getDb());
  },
});
