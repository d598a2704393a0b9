import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import { campaignDays } from "@/lib/domains/campaigns/campaign-window";

/** One campaign of the organisation with its posts and teams; another organisation's id: 404. */
export async function getCampaign(orgId: string, campaignId: string, timeZone: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, orgId },
    select: {
      id: true,
      name: true,
      description: true,
      startsAt: true,
      endsAt: true,
      goal: true,
      goalTarget: true,
      teamsCompete: true,
      archivedAt: true,
      createdAt: true,
      items: {
        select: { item: { select: { id: true, title: true, status: true } } },
        orderBy: { item: { title: "asc" } },
      },
      teams: {
        select: { team: { select: { id: true, name: true } } },
        orderBy: { team: { name: "asc" } },
      },
    },
  });
  if (!campaign) throw notFound("Campaign");
  return {
    ...campaign,
    ...campaignDays(campaign, timeZone),
    items: campaign.items.map((i) => i.item),
    teams: campaign.teams.map((t) => t.team),
  };
}

export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;
