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
    const [{ drainDirtyRollups }, { getDb }, { announceMilestones, rollupClock }] =
      await Promise.all([
        import("@/lib/domains/analytics/rollup"),
        import("@/lib/core/db/client"),
        import("@/lib/domains/milestones/announce-milestones"),
      ]);
    const db = getDb();
    // The database's clock before the run: the rows it recounts carry a later updatedAt.
    const since = await rollupClock(db);
    // Bounded, so a huge backlog (a rebuild) never outlives the job's expiry; the next run
    // (every minute) goes on where this one stopped.
    const recounted = await drainDirtyRollups(db, { limit: 1000, maxMs: 5 * 60_000 });
    if (recounted === 0) return;
    // Moments that matter (a share's first visit, 10/50/100 visits, first outcome, a personal
    // best). The rollup itself is done and committed: a failure here is logged, not retried.
    try {
      await announceMilestones(db, { since });
    } catch (error) {
      console.error("analytics-rollup: announcing milestones failed", error);
    }
  },
});
