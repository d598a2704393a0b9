import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { DashboardFilters } from "@/components/analytics/dashboard-filters";
import { DashboardSection } from "@/components/analytics/dashboard-section";
import { DownloadCsvLink } from "@/components/analytics/download-link";
import { KpiCards } from "@/components/analytics/kpi-cards";
import { TrendSection } from "@/components/analytics/trend-section";
import {
  FunnelSection,
  GoalsSection,
  LeaderboardSection,
  TopContentSection,
  ValueTypesSection,
} from "@/components/analytics/breakdown-sections";
import { NetworksSection } from "@/components/analytics/networks-section";
import { TeamComparisonSection } from "@/components/analytics/team-comparison";
import { formatRange } from "@/components/analytics/format";
import { analyticsSearch } from "@/lib/domains/analytics/analytics-params";
import { dayCount } from "@/lib/domains/analytics/day-range";
import type { DashboardData } from "@/lib/domains/analytics/load-dashboard";

/** The analytics dashboard: filters, headline figures, trend and breakdowns for one scope. */
export function DashboardView({
  data,
  locale,
}: {
  data: DashboardData;
  /** The person's locale (requestDateFormat), for day labels. */
  locale: string;
}) {
  const { params, scope, overview, breakdowns, settings, search, role } = data;
  const isAdmin = role === "ADMIN";
  const team = params.teamId ? scope.teams.find((t) => t.id === params.teamId) : null;
  const who = team
    ? team.name
    : isAdmin
      ? "The whole organisation"
      : `Your team${scope.teams.length === 1 ? "" : "s"}: ${scope.teams.map((t) => t.name).join(", ")}`;
  const days = dayCount(params.range);
  // Teams side by side: for admins, and for managers of more than one team.
  const compareTeams = isAdmin || scope.teams.length >= 2;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            <span data-testid="dashboard-scope">{who}</span> ·{" "}
            <span data-testid="dashboard-range">{formatRange(params.range, locale)}</span>
          </>
        }
      />
      <div className="space-y-6">
        {data.errors.length ? (
          <Alert tone="error">
            <p className="font-medium">Some filters could not be used; showing the defaults.</p>
            <ul className="mt-1 list-disc pl-5">
              {data.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        ) : null}

        {overview === null || breakdowns === null ? (
          <Card>
            <h2 className="text-lg font-medium">No team to show yet</h2>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              The dashboard shows the teams you manage, and you don&apos;t manage any team yet. Ask
              an admin to make you a manager of your team on the Teams page; its figures will appear
              here.
            </p>
          </Card>
        ) : (
          <>
            <DashboardFilters
              preset={params.preset}
              from={params.range.from}
              to={params.range.to}
              today={data.today}
              teamId={params.teamId}
              teams={scope.teams}
              allTeamsLabel={isAdmin ? "Whole organisation" : "All my teams"}
            />

            <section aria-labelledby="kpi-title">
              <h2 id="kpi-title" className="sr-only">
                Headline figures
              </h2>
              <KpiCards
                overview={overview}
                rates={settings}
                period={`previous ${days} day${days === 1 ? "" : "s"}`}
              />
            </section>

            <DashboardSection
              id="trend"
              title="Trend"
              description="Day by day in the organisation's time zone."
              download={<DownloadCsvLink table="daily" search={search} />}
            >
              <TrendSection trend={overview.trend} locale={locale} />
            </DashboardSection>

            <NetworksSection rows={breakdowns.networks} />
            <ValueTypesSection
              rows={breakdowns.valueTypes}
              currency={overview.currency}
              search={search}
            />
            <GoalsSection rows={breakdowns.goals} currency={overview.currency} search={search} />
            <TopContentSection
              rows={breakdowns.topContent}
              currency={overview.currency}
              search={search}
            />
            <LeaderboardSection rows={breakdowns.leaderboard} search={search} points={settings} />
            {compareTeams ? (
              <TeamComparisonSection
                rows={breakdowns.teams}
                currency={overview.currency}
                search={search}
                allTeamsHref={
                  params.teamId
                    ? `/dashboard?${analyticsSearch({ ...params, teamId: null })}`
                    : null
                }
              />
            ) : null}
            <FunnelSection funnel={breakdowns.funnel} search={search} />
          </>
        )}
      </div>
    </>
  );
}
