import type { JobQueue } from "@/lib/jobs/queues";
import {
  LINKEDIN_ANALYTICS,
  LINKEDIN_PUBLISH,
  PUBLISH_RETRY_DELAY_SECONDS,
  PUBLISH_RETRY_LIMIT,
} from "@/lib/domains/linkedin-publish/queue-names";

/** Posting through the LinkedIn API and syncing post analytics (docs/linkedin-publishing.md). */
export const LINKEDIN_PUBLISH_QUEUES: JobQueue[] = [
  {
    name: LINKEDIN_PUBLISH,
    policy: "standard",
    pollingIntervalSeconds: 2,
    // Image upload + post: a few requests of at most 10 s each.
    expireInSeconds: 5 * 60,
    retryLimit: PUBLISH_RETRY_LIMIT,
    retryDelay: PUBLISH_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    concurrency: 2,
    run: async (data, job) => {
      const { publishShare } = await import("@/lib/domains/linkedin-publish/publish-share");
      if (typeof data.shareId !== "string") return;
      await publishShare(data.shareId, job);
    },
  },
  {
    name: LINKEDIN_ANALYTICS,
    policy: "stately",
    cron: "23 */6 * * *",
    pollingIntervalSeconds: 30,
    expireInSeconds: 15 * 60,
    retryLimit: 2,
    retryDelay: 60,
    run: async () => {
      const { syncPostAnalytics } =
        await import("@/lib/domains/linkedin-publish/sync-post-analytics");
      await syncPostAnalytics();
    },
  },
];
