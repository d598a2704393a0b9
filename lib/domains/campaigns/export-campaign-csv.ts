import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import { csvStreamResponse } from "@/lib/core/csv/csv-stream-response";
import { slugify } from "@/lib/core/ids/slugify";
import type { Access } from "@/lib/domains/access/resolve-access";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { scopeMemberIds } from "@/lib/domains/analytics/scope-sql";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { campaignDays } from "@/lib/domains/campaigns/campaign-window";

export const CAMPAIGN_CSV_HEADER = [
  "kind",
  "name",
  "rank",
  "shares",
  "unique_visits",
  "outcomes",
  "goal",
  "goal_value",
] as const;

/**
 * A campaign's results as CSV: the total, the competing teams in rank order, then every
 * contributor (managers: people of their teams only), with shares, unique visits and outcomes.
 */
export async function exportCampaignCsv(access: Access, campaignId: string): Promise<Response> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, orgId: access.orgId },
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
  if (!campaign) throw notFound("Campaign");
  const scope = await resolveAnalyticsScope(access);
  const people = await scopeMemberIds(scope);
  const progress = await getCampaignProgress(campaign, access.org.timeZone, {
    contributors: 100_000,
    people,
  });
  const rows: unknown[][] = [
    [
      "campaign",
      campaign.name,
      "",
      progress.figures.shares,
      progress.figures.visits,
      progress.figures.outcomes,
      campaign.goal,
      progress.total,
    ],
    ...progress.teams.map((t) => [
      "team",
      t.name,
      t.rank,
      t.shares,
      t.visits,
      t.outcomes,
      campaign.goal,
      t.value,
    ]),
    ...progress.contributors.map((p, i) => [
      "person",
      p.name,
      i + 1,
      p.shares,
      p.visits,
      p.outcomes,
      campaign.goal,
      p.value,
    ]),
  ];
  await recordAudit(db, {
    orgId: access.orgId,
    actorId: access.userId,
    action: "campaign.export",
    targetType: "campaign",
    targetId: campaign.id,
    metadata: { name: campaign.name },
  });
  const { startDate, endDate } = campaignDays(campaign, access.org.timeZone);
  // Header values are ASCII: a name in another script leaves "campaign".
  const slug = slugify(campaign.name).replace(/[^a-z0-9-]/g, "") || "campaign";
  return csvStreamResponse({
    header: CAMPAIGN_CSV_HEADER,
    pages: (async function* () {
      yield rows;
    })(),
    fileName: `chorus-campaign-${slug}-${startDate}-${endDate}.csv`,
    label: "Campaign CSV export",
  });
}
