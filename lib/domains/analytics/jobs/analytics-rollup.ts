import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Folds new clicks and conversions into the daily rollups: every minute, and soon after
 * `requestRollup`. "stately": at most one job waits, so requests while one waits collapse into it.
 */
export const analyticsRollupJob = defineJob({
  name: "analytics-rollup",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 1,
    expireInSeconds: 15 * 60,
  },
  async handler() {
    const [{ drainDirtyRollups }, { getDb }] = await Promise.all([
      import("@/lib/domains/analytics/rollup"),
      import("@/lib/core/db/client"),
    ]);
    // Bounded, so a huge backlog (a rebuild) never outlives the job's expiry; the next run
    // (every minute) goes on where this one stopped.
    await drainDirtyRollups(getDb(), { limit: 1000, maxMs: 5 * 60_000 });
  },
});
