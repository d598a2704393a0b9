import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Mondays 07:00 UTC: queues the weekly digest of every active member (one email each). */
export const weeklyDigestJob = defineJob({
  name: "email-digest",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "0 7 * * 1",
    pollingIntervalSeconds: 30,
    expireInSeconds: 30 * 60,
    retryLimit: 2,
  },
  async handler() {
    const { queueWeeklyDigests } = await import("@/lib/domains/digests/queue-weekly-digests");
    await queueWeeklyDigests(new Date());
  },
});
