import { db } from "@/lib/core/db/client";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

/** Ends the sweep looks back on (a campaign that ended while no worker ran is still told). */
const LOOK_BACK_MS = 3 * 24 * 60 * 60_000;

/**
 * `campaign.ended` once per campaign, when its end has passed (run by the every-five-minutes
 * campaign job). The once-only key and the deliveries are written in one transaction, so two runs
 * never emit it twice and a failed run emits it next time. Returns the campaigns announced.
 */
export async function emitEndedCampaigns(now = new Date()): Promise<number> {
  const ended = await db.campaign.findMany({
    where: {
      archivedAt: null,
      endsAt: { lte: now, gt: new Date(now.getTime() - LOOK_BACK_MS) },
      org: { devWebhooks: { some: { active: true, events: { has: "campaign.ended" } } } },
    },
    select: {
      id: true,
      orgId: true,
      name: true,
      startsAt: true,
      endsAt: true,
      goal: true,
      goalTarget: true,
    },
    take: 500,
  });
  let count = 0;
  for (const campaign of ended) {
    const emitted = await db.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO "DeveloperWebhookOnceEvent" ("key", "orgId")
        VALUES (${`campaign.ended:${campaign.id}`}, ${campaign.orgId})
        ON CONFLICT ("key") DO NOTHING`;
      if (claimed !== 1) return false;
      await emitEvent(
        campaign.orgId,
        "campaign.ended",
        {
          campaignId: campaign.id,
          name: campaign.name,
          startsAt: campaign.startsAt.toISOString(),
          endsAt: campaign.endsAt.toISOString(),
          goal: campaign.goal,
          goalTarget: campaign.goalTarget,
        },
        { tx },
      );
      return true;
    });
    if (emitted) count++;
  }
  return count;
}
