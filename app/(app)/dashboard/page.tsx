import type { Metadata } from "next";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { CampaignResultsSection } from "@/components/campaigns/campaign-results-section";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { loadDashboard } from "@/lib/domains/analytics/load-dashboard";
import type { SearchParams } from "@/lib/domains/analytics/analytics-params";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await requirePageAccess("dashboard:read");
  const data = await loadDashboard(access, await searchParams);
  const { locale } = await requestDateFormat(access.org.timeZone);
  return (
    <>
      <DashboardView data={data} locale={locale} />
      <CampaignResultsSection access={access} />
    </>
  );
}
