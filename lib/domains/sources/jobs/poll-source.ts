import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Polls one content source. Feed problems never fail the job: they are kept on the source, which
 * backs off (lib/domains/sources/poll-source.ts). One job per source at a time (singleton key).
 */
export const pollSourceJob = defineJob({
  name: "content-source-poll",
  schema: z.object({ orgId: z.string().min(1), sourceId: z.string().min(1) }),
  options: {
    expireInSeconds: 5 * 60,
    retryLimit: 1,
    concurrency: 2,
    singletonKey: (payload) => payload.sourceId,
  },
  async handler({ orgId, sourceId }) {
    const [{ pollSource }, { AppError }] = await Promise.all([
      import("@/lib/domains/sources/poll-source"),
      import("@/lib/core/errors/app-error"),
    ]);
    try {
      await pollSource(orgId, sourceId);
    } catch (error) {
      // Deleted since it was claimed: nothing to poll.
      if (error instanceof AppError && error.code === "NOT_FOUND") return;
      throw error;
    }
  },
});
