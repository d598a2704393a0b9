import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Retries of a publish job on 429/5xx/time-outs: 30 s, 1, 2, 4, 8 min (backoff doubles). */
export const PUBLISH_RETRY_LIMIT = 5;
export const PUBLISH_RETRY_DELAY_SECONDS = 30;
/** Attempts in all (the first + the retries); the last one that fails marks the share FAILED. */
export const MAX_PUBLISH_ATTEMPTS = PUBLISH_RETRY_LIMIT + 1;

/**
 * Posts one scheduled share through the LinkedIn API (docs/linkedin-publishing.md). Sent under
 * the id stored in Share.publishJobId (`sendPublishJob`): a job whose id is not the share's
 * current one does nothing, so a superseded job never posts.
 */
export const publishShareJob = defineJob({
  name: "linkedin-publish",
  schema: z.object({ shareId: z.string().min(1) }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 2,
    // Image upload + post: a few requests of at most 10 s each.
    expireInSeconds: 5 * 60,
    retryLimit: PUBLISH_RETRY_LIMIT,
    retryDelay: PUBLISH_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    concurrency: 2,
  },
  async handler({ shareId }, job) {
    const { publishShare } = await import("@/lib/domains/linkedin-publish/publish-share");
    await publishShare(shareId, job);
  },
});
