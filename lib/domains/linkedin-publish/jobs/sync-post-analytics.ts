import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Every six hours (and a minute after a post): LinkedIn's own numbers for posts made through the API. */
export const syncPostAnalyticsJob = defineJob({
  name: "linkedin-analytics",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "23 */6 * * *",
    pollingIntervalSeconds: 30,
    expireInSeconds: 15 * 60,
    retryLimit: 2,
    retryDelay: 60,
  },
  async handler() {
    const { syncPostAnalytics } =
      await import("@/lib/domains/linkedin-publish/sync-post-analytics");
    await syncPostAnalytics();
  },
});
