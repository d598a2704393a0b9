import type { Metadata } from "next";
import Link from "next/link";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { goalAmount } from "@/lib/domains/campaigns/campaign-goals";
import { campaignPhase } from "@/lib/domains/campaigns/campaign-window";
import { listCampaigns } from "@/lib/domains/campaigns/list-campaigns";
import { formatDay } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Campaigns · Studio" };

const PHASES = { upcoming: "Upcoming", running: "Running", ended: "Ended" } as const;

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("content:manage");
  const archived = (await searchParams).archived === "1";
  const campaigns = await listCampaigns(access.orgId, access.org.timeZone, { archived });
  const { locale } = await requestDateFormat(access.org.timeZone);
  const now = new Date();
  return (
    <>
      <StudioBreadcrumb current="Campaigns" />
      <PageHeader
        title={archived ? "Archived campaigns" : "Campaigns"}
        description="A set of posts, dates and a goal your people work towards together; teams may compete."
        actions={
          <>
            <Link
              href={archived ? "/studio/campaigns" : "/studio/campaigns?archived=1"}
              className={buttonClass("secondary")}
            >
              {archived ? "Current campaigns" : "Archived campaigns"}
            </Link>
            <Link href="/studio/campaigns/new" className={buttonClass("primary")}>
              <span aria-hidden="true">+</span> New campaign
            </Link>
          </>
        }
      />
      {campaigns.length === 0 ? (
        <Card className="text-center">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {archived
              ? "No archived campaigns."
              : "No campaigns yet. Create one to rally your people around a few posts."}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {campaigns.map((c) => {
            const phase = campaignPhase(c, now);
            return (
              <li key={c.id}>
                <Card className="flex flex-wrap items-center justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="font-semibold">
                      <Link
                        href={`/studio/campaigns/${c.id}`}
                        className="text-brand-700 underline hover:no-underline dark:text-brand-100"
                      >
                        {c.name}
                      </Link>
                    </h2>
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      {formatDay(c.startDate, "dayMonth", locale)} –{" "}
                      {formatDay(c.endDate, "date", locale)} · Goal:{" "}
                      {goalAmount(c.goal, c.goalTarget)} · {c.itemCount} post
                      {c.itemCount === 1 ? "" : "s"}
                      {c.teamCount ? ` · ${c.teamCount} teams competing` : ""}
                    </p>
                  </div>
                  <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600">
                    {archived ? "Archived" : PHASES[phase]}
                  </span>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
