import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CampaignEditor } from "@/components/campaigns/campaign-editor";
import { CampaignResults } from "@/components/campaigns/campaign-results";
import { CampaignsBreadcrumb } from "@/components/campaigns/campaigns-breadcrumb";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/domains/access/permissions";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { AppError } from "@/lib/core/errors/app-error";
import { getCampaign } from "@/lib/domains/campaigns/get-campaign";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { campaignDaysLeft, campaignPhase } from "@/lib/domains/campaigns/campaign-window";
import { listCampaignItemOptions } from "@/lib/domains/campaigns/list-campaign-item-options";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { addDays } from "@/lib/domains/analytics/day-range";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** getCampaign answers NOT_FOUND for unknown ids and other organisations' campaigns alike. */
const findCampaign = cache(async (orgId: string, id: string, timeZone: string) => {
  try {
    return await getCampaign(orgId, id, timeZone);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await requirePageAccess("content:manage");
  const campaign = await findCampaign(access.orgId, (await params).id, access.org.timeZone);
  return { title: `${campaign.name} · Campaigns` };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const access = await requirePageAccess("content:manage");
  const timeZone = access.org.timeZone;
  const campaign = await findCampaign(access.orgId, (await params).id, timeZone);
  const { created } = await searchParams;
  const [progress, items, teams, dates] = await Promise.all([
    getCampaignProgress({ ...campaign, orgId: access.orgId }, timeZone),
    listCampaignItemOptions(
      access.orgId,
      campaign.items.map((i) => i.id),
    ),
    listTeams(access.orgId),
    requestDateFormat(timeZone),
  ]);
  const now = new Date();
  const today = zonedDateKey(now, timeZone);
  return (
    <>
      <CampaignsBreadcrumb current={campaign.name} />
      <PageHeader
        title={campaign.name}
        description={
          campaign.archivedAt ? "Archived: people no longer see it." : campaign.description
        }
      />
      <div className="space-y-6">
        {created === "1" ? <Alert tone="success">Campaign created.</Alert> : null}
        <section aria-labelledby="results-title">
          <Card className="space-y-3">
            <h2 id="results-title" className="text-lg font-semibold">
              Results
            </h2>
            <CampaignResults
              result={{
                id: campaign.id,
                name: campaign.name,
                startDate: campaign.startDate,
                endDate: campaign.endDate,
                phase: campaignPhase(campaign, now),
                daysLeft: campaignDaysLeft(campaign, timeZone, now),
                progress,
              }}
              locale={dates.locale}
              canExport={can(access, "analytics:export")}
            />
          </Card>
        </section>
        {campaign.archivedAt ? null : (
          <CampaignEditor
            key={campaign.id}
            campaign={{
              id: campaign.id,
              name: campaign.name,
              description: campaign.description,
              startDate: campaign.startDate,
              endDate: campaign.endDate,
              goal: campaign.goal,
              goalTarget: campaign.goalTarget,
              itemIds: campaign.items.map((i) => i.id),
              teamIds: campaign.teams.map((t) => t.id),
            }}
            items={items}
            teams={teams.map((t) => ({ id: t.id, name: t.name }))}
            timeZone={timeZone}
            defaults={{ startDate: today, endDate: addDays(today, 13) }}
          />
        )}
      </div>
    </>
  );
}
