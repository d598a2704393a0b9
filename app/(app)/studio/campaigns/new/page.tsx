import type { Metadata } from "next";
import { CampaignEditor } from "@/components/campaigns/campaign-editor";
import { CampaignsBreadcrumb } from "@/components/campaigns/campaigns-breadcrumb";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { addDays } from "@/lib/domains/analytics/day-range";
import { listCampaignItemOptions } from "@/lib/domains/campaigns/list-campaign-item-options";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { zonedDateKey } from "@/lib/core/time/zoned-time";

export const metadata: Metadata = { title: "New campaign · Studio" };

export default async function NewCampaignPage() {
  const access = await requirePageAccess("content:manage");
  const [items, teams] = await Promise.all([
    listCampaignItemOptions(access.orgId),
    listTeams(access.orgId),
  ]);
  const today = zonedDateKey(new Date(), access.org.timeZone);
  return (
    <>
      <CampaignsBreadcrumb current="New campaign" />
      <PageHeader
        title="New campaign"
        description="Choose the posts, the dates and the goal; people see it at the top of their feed while it runs."
      />
      <CampaignEditor
        campaign={null}
        items={items}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        timeZone={access.org.timeZone}
        defaults={{ startDate: today, endDate: addDays(today, 13) }}
      />
    </>
  );
}
