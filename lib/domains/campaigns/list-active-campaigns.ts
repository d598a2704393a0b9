import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { visibleItemsWhere } from "@/lib/domains/content/list-feed-items";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { campaignDays, campaignDaysLeft } from "@/lib/domains/campaigns/campaign-window";

/**
 * The campaigns running now, for the top of a member's feed: progress towards the goal, the
 * days left, the member's own contribution, how the competing teams stand, and the campaign's
 * posts this member can share.
 */
export async function listActiveCampaigns(access: Access, now = new Date()) {
  const timeZone = access.org.timeZone;
  const campaigns = await db.campaign.findMany({
    where: {
      orgId: access.orgId,
      archivedAt: null,
      startsAt: { lte: now },
      endsAt: { gt: now },
    },
    orderBy: [{ endsAt: "asc" }, { name: "asc" }],
    take: 3,
    select: {
      id: true,
      orgId: true,
      name: true,
      description: true,
      startsAt: true,
      endsAt: true,
      goal: true,
      goalTarget: true,
      items: { select: { itemId: true } },
    },
  });
  if (!campaigns.length) return [];
  const visible = await visibleItemsWhere(access, now);
  return Promise.all(
    campaigns.map(async (c) => {
      const [progress, items, teams] = await Promise.all([
        getCampaignProgress(c, timeZone, { membershipId: access.membershipId, contributors: 0 }),
        db.contentItem.findMany({
          where: { AND: [visible, { id: { in: c.items.map((i) => i.itemId) } }] },
          orderBy: { title: "asc" },
          select: { id: true, title: true },
        }),
        db.teamMember.findMany({
          where: { orgId: access.orgId, membershipId: access.membershipId },
          select: { teamId: true },
        }),
      ]);
      const mine = new Set(teams.map((t) => t.teamId));
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        ...campaignDays(c, timeZone),
        endsAt: c.endsAt,
        daysLeft: campaignDaysLeft(c, timeZone, now),
        progress,
        myTeamIds: progress.teams.filter((t) => mine.has(t.teamId)).map((t) => t.teamId),
        items,
      };
    }),
  );
}

export type ActiveCampaign = Awaited<ReturnType<typeof listActiveCampaigns>>[number];
