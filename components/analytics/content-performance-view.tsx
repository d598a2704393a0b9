import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ValueTypeChip } from "@/components/content/badges";
import { ShareStatusBadge } from "@/components/people/share-status-badge";
import { DashboardFilters } from "@/components/analytics/dashboard-filters";
import { DashboardSection, EmptyState } from "@/components/analytics/dashboard-section";
import { DataTable } from "@/components/analytics/data-table";
import { MetricBars } from "@/components/analytics/metric-bars";
import { TrendChart } from "@/components/analytics/trend-chart";
import {
  ACTIVITY_SERIES,
  ATTENTION_SERIES,
  DailyFigures,
} from "@/components/analytics/trend-section";
import { formatCount, formatMoney, formatRange } from "@/components/analytics/format";
import {
  AREA_LABELS,
  CONVERSION_OUTCOMES,
  OUTCOME_AREA,
  OUTCOME_LABELS,
} from "@/lib/domains/analytics/outcomes";
import type { ContentPerformanceData } from "@/lib/domains/analytics/load-content-performance";
import type { ContentSharer } from "@/lib/domains/analytics/types";
import { SHARE_CHANNEL_LABELS } from "@/lib/domains/sharing/share-labels";

const link =
  "touch-area font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";
const muted = "text-xs text-slate-600 dark:text-slate-400";

/**
 * One post's drill-down, reached from the dashboard's top content with the same period and team:
 * its figures, who shared it (with what each share brought), clicks over time and outcomes.
 */
export function ContentPerformanceView({
  data,
  locale,
}: {
  data: ContentPerformanceData;
  /** The person's locale (requestDateFormat), for day labels. */
  locale: string;
}) {
  const { performance, params, scope, search, role, settings } = data;
  const { item, totals, currency } = performance;
  const isAdmin = role === "ADMIN";
  const team = params.teamId ? scope.teams.find((t) => t.id === params.teamId) : null;
  const who = team
    ? team.name
    : isAdmin
      ? "The whole organisation"
      : `Your team${scope.teams.length === 1 ? "" : "s"}: ${scope.teams.map((t) => t.name).join(", ")}`;
  const noTeam = scope.teamIds !== null && scope.teamIds.length === 0;
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: settings.timeZone,
  });
  const tiles = [
    { id: "shares", label: "Shares", value: formatCount(totals.shares) },
    { id: "people", label: "People who shared", value: formatCount(totals.people) },
    { id: "human-clicks", label: "Human clicks", value: formatCount(totals.humanClicks) },
    { id: "unique-visits", label: "Unique visits", value: formatCount(totals.uniqueVisits) },
    { id: "conversions", label: "Conversions", value: formatCount(totals.conversions) },
    {
      id: "conversion-value",
      label: "Conversion value",
      value: formatMoney(totals.conversionValue, currency),
    },
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href={`/dashboard?${search}`} className={link}>
              Dashboard
            </Link>
          </li>
          <li aria-hidden="true" className="text-slate-500 dark:text-slate-400">
            /
          </li>
          <li aria-current="page" className="text-slate-700 dark:text-slate-300">
            Post performance
          </li>
        </ol>
      </nav>
      <PageHeader
        title={item.title}
        description={
          <>
            <span data-testid="dashboard-scope">{who}</span> ·{" "}
            <span data-testid="dashboard-range">{formatRange(params.range, locale)}</span>
          </>
        }
        actions={
          isAdmin ? (
            <Link href={`/studio/${item.id}`} className={buttonClass("secondary")}>
              Open in the Studio
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <div>
          <ValueTypeChip valueType={item.valueType} />
        </div>
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

        {noTeam ? (
          <Card>
            <h2 className="text-lg font-medium">No team to show yet</h2>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              The dashboard shows the teams you manage, and you don&apos;t manage any team yet. Ask
              an admin to make you a manager of your team on the Teams page.
            </p>
          </Card>
        ) : (
          <>
            <DashboardFilters
              action={`/dashboard/content/${item.id}`}
              preset={params.preset}
              from={params.range.from}
              to={params.range.to}
              today={data.today}
              teamId={params.teamId}
              teams={scope.teams}
              allTeamsLabel={isAdmin ? "Whole organisation" : "All my teams"}
            />

            <section aria-labelledby="post-figures-title">
              <h2 id="post-figures-title" className="sr-only">
                Headline figures
              </h2>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
                {tiles.map((tile) => (
                  <div
                    key={tile.id}
                    data-kpi={tile.id}
                    className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
                  >
                    <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">
                      {tile.label}
                    </dt>
                    <dd
                      className="mt-1 text-xl font-semibold tracking-tight tabular-nums [overflow-wrap:anywhere] sm:text-2xl"
                      data-kpi-value={tile.id}
                    >
                      {tile.value}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>

            <DashboardSection
              id="post-clicks"
              title="Clicks over time"
              description="Day by day in the organisation's time zone: clicks and conversions on the day they happened, shares on the day of the share."
            >
              <div className="grid gap-6 lg:grid-cols-2">
                <TrendChart
                  title="Human clicks and unique visits per day"
                  points={performance.trend}
                  series={ATTENTION_SERIES}
                  locale={locale}
                />
                <TrendChart
                  title="Shares and conversions per day"
                  points={performance.trend}
                  series={ACTIVITY_SERIES}
                  locale={locale}
                />
              </div>
              <DailyFigures trend={performance.trend} locale={locale} />
            </DashboardSection>

            <DashboardSection
              id="post-sharers"
              title="Who shared it"
              description="Each share with what it brought in this period, most visits first. Older shares that still bring clicks are listed too."
            >
              {performance.sharers.length === 0 ? (
                <EmptyState>
                  No one{team || !isAdmin ? " in scope" : ""} shared this post in this period, and
                  no earlier share brought clicks. Feature it in the feed to invite people to share
                  it.
                </EmptyState>
              ) : (
                <SharerTable sharers={performance.sharers} when={when} />
              )}
            </DashboardSection>

            <DashboardSection
              id="post-outcomes"
              title="Outcomes"
              description="Conversions reported for this post's links in this period, by outcome."
            >
              {totals.conversions === 0 ? (
                <EmptyState>
                  No conversions reported for this post&apos;s links in this period.
                </EmptyState>
              ) : (
                <>
                  <MetricBars
                    caption="Conversions by outcome"
                    unit="Conversions"
                    rows={CONVERSION_OUTCOMES.map((o) => ({
                      key: o,
                      label: `${OUTCOME_LABELS[o]} · ${AREA_LABELS[OUTCOME_AREA[o]]}`,
                      value: performance.outcomes[o],
                      display: formatCount(performance.outcomes[o]),
                      barClass: "bg-orange-700 dark:bg-orange-400",
                    }))}
                  />
                  <p className="text-sm" data-testid="post-conversion-value">
                    Conversion value:{" "}
                    <strong>{formatMoney(totals.conversionValue, currency)}</strong>{" "}
                    <span className={muted}>
                      (values reported in {currency} or without a currency)
                    </span>
                  </p>
                </>
              )}
            </DashboardSection>
          </>
        )}
      </div>
    </>
  );
}

function SharerTable({ sharers, when }: { sharers: ContentSharer[]; when: Intl.DateTimeFormat }) {
  return (
    <DataTable
      caption="Who shared it"
      rows={sharers}
      rowKey={(s) => s.shareId}
      columns={[
        {
          header: "Person",
          rowHeader: true,
          cell: (s) =>
            s.handle ? (
              <Link href={`/people/${s.handle}`} className={link}>
                {s.name}
              </Link>
            ) : (
              s.name
            ),
        },
        { header: "Channel", cell: (s) => SHARE_CHANNEL_LABELS[s.channel] },
        {
          header: "Shared",
          cell: (s) => (
            <>
              <time dateTime={s.sharedAt.toISOString()} className="whitespace-nowrap">
                {when.format(s.sharedAt)}
              </time>
              {s.inRange ? null : <span className={`block ${muted}`}>before this period</span>}
            </>
          ),
        },
        { header: "Status", cell: (s) => <ShareStatusBadge status={s.status} /> },
        { header: "Human clicks", cell: (s) => formatCount(s.humanClicks), numeric: true },
        { header: "Unique visits", cell: (s) => formatCount(s.uniqueVisits), numeric: true },
        { header: "Conversions", cell: (s) => formatCount(s.conversions), numeric: true },
      ]}
    />
  );
}
