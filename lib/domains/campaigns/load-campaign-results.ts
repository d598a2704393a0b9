import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { scopeMemberIds } from "@/lib/domains/analytics/scope-sql";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import {
  campaignDays,
  campaignDaysLeft,
  campaignPhase,
} from "@/lib/domains/campaigns/campaign-window";

/** How long an ended campaign stays on the dashboard. */
const ENDED_SHOWN_DAYS = 60;

/**
 * Campaign results for the dashboard: running campaigns and those ended in the last 60 days (not
 * archived), each with its progress, the competing teams' ranking and the top contributors.
 * Managers see the whole campaign's progress and the teams' totals, but only people of the teams
 * they manage among the contributors (like every person-level table of the dashboard).
 */
export async function loadCampaignResults(access: Access, now = new Date()) {
  const scope = await resolveAnalyticsScope(access);
  const people = await scopeMemberIds(scope);
  const timeZone = access.org.timeZone;
  const campaigns = await db.campaign.findMany({
    where: {
      orgId: access.orgId,
      archivedAt: null,
      startsAt: { lte: now },
      endsAt: { gt: new Date(now.getTime() - ENDED_SHOWN_DAYS * 86_400_000) },
    },
    orderBy: [{ endsAt: "desc" }],
    take: 5,
    select: {
      id: true,
      orgId: true,
      name: true,
      startsAt: true,
      endsAt: true,
      goal: true,
      goalTarget: true,
    },
  });
  return Promise.all(
    campaigns.map(async (c) => ({
      id: c.id,
      name: c.name,
      ...campaignDays(c, timeZone),
      phase: campaignPhase(c, now),
      daysLeft: campaignDaysLeft(c, timeZone, now),
      progress: await getCampaignProgress(c, timeZone, { contributors: 5, people }),
    })),
  );
}

export type CampaignResult = Awaited<ReturnType<typeof loadCampaignResults>>[number];
