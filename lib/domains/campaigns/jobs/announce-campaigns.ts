import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Every five minutes: rings the bell (and, through it, the "Campaign news" push) of a campaign's
 * audience when it starts and when it reaches its goal, once each (announce-campaign.ts).
 */
export const announceCampaignsJob = defineJob({
  name: "campaign-announce",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "*/5 * * * *",
    pollingIntervalSeconds: 30,
    expireInSeconds: 10 * 60,
  },
  async handler() {
    const { announceCampaigns } = await import("@/lib/domains/campaigns/announce-campaign");
    await announceCampaigns();
  },
});
