import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Every minute: sends a poll job for each content source whose own interval has come round. */
export const pollDueSourcesJob = defineJob({
  name: "content-sources-sweep",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 10,
    expireInSeconds: 5 * 60,
  },
  async handler() {
    const [{ claimDueSources }, { sendJob }, { pollSourceJob }] = await Promise.all([
      import("@/lib/domains/sources/claim-due-sources"),
      import("@/lib/core/jobs/send-job"),
      import("@/lib/domains/sources/jobs/poll-source"),
    ]);
    for (const source of await claimDueSources()) {
      await sendJob(pollSourceJob, { orgId: source.orgId, sourceId: source.id });
    }
  },
});
