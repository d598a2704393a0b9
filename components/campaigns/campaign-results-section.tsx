import Link from "next/link";
import { CampaignResults } from "@/components/campaigns/campaign-results";
import { DashboardSection } from "@/components/analytics/dashboard-section";
import type { Access } from "@/lib/domains/access/resolve-access";
import { can } from "@/lib/domains/access/permissions";
import { loadCampaignResults } from "@/lib/domains/campaigns/load-campaign-results";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

/** The dashboard's campaign results: running and recently ended campaigns. Nothing when none. */
export async function CampaignResultsSection({ access }: { access: Access }) {
  const results = await loadCampaignResults(access);
  if (!results.length) return null;
  const { locale } = await requestDateFormat(access.org.timeZone);
  const canEdit = can(access, "content:manage");
  return (
    <div className="mt-section">
      <DashboardSection
        id="campaigns"
        title="Campaigns"
        description={
          access.role === "ADMIN" ? (
            <>
              Running and recently ended campaigns.{" "}
              <Link
                href="/studio/campaigns"
                className="text-brand-700 underline hover:no-underline dark:text-brand-100"
              >
                All campaigns
              </Link>
            </>
          ) : (
            "Running and recently ended campaigns; contributors from the teams you manage."
          )
        }
      >
        <div className="divide-y divide-slate-200 dark:divide-slate-700 [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          {results.map((r) => (
            <CampaignResults
              key={r.id}
              result={r}
              locale={locale}
              canExport={can(access, "analytics:export")}
              link={canEdit}
            />
          ))}
        </div>
      </DashboardSection>
    </div>
  );
}
