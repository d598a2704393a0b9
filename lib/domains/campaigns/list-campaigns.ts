import { db } from "@/lib/core/db/client";
import { campaignDays } from "@/lib/domains/campaigns/campaign-window";

/** The organisation's campaigns, newest start first; archived ones only when asked for. */
export async function listCampaigns(
  orgId: string,
  timeZone: string,
  { archived = false }: { archived?: boolean } = {},
) {
  const rows = await db.campaign.findMany({
    where: { orgId, archivedAt: archived ? { not: null } : null },
    orderBy: [{ startsAt: "desc" }, { name: "asc" }],
    take: 200,
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
      _count: { select: { items: true, teams: true } },
    },
  });
  return rows.map(({ _count, ...c }) => ({
    ...c,
    ...campaignDays(c, timeZone),
    itemCount: _count.items,
    teamCount: _count.teams,
  }));
}

export type CampaignListRow = Awaited<ReturnType<typeof listCampaigns>>[number];
