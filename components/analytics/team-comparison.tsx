import Link from "next/link";
import type { TeamRow } from "@/lib/domains/analytics/types";
import { DataTable } from "@/components/analytics/data-table";
import { DashboardSection, EmptyState } from "@/components/analytics/dashboard-section";
import { DownloadCsvLink } from "@/components/analytics/download-link";
import { MetricBars } from "@/components/analytics/metric-bars";
import { figureColumns } from "@/components/analytics/breakdown-sections";
import { formatCount, formatPercent, rate } from "@/components/analytics/format";

const link = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

/** The four comparisons, each one bar chart with the teams side by side (value in text too). */
const METRICS: {
  key: string;
  caption: string;
  unit: string;
  barClass: string;
  value: (r: TeamRow) => number;
  display: (r: TeamRow) => string;
}[] = [
  {
    key: "participation",
    caption: "Participation",
    unit: "Members who shared",
    barClass: "bg-teal-600 dark:bg-teal-400",
    value: (r) => rate(r.activeAdvocates, r.members) ?? 0,
    display: (r) => {
      const share = rate(r.activeAdvocates, r.members);
      return `${share === null ? "–" : formatPercent(share)} (${formatCount(r.activeAdvocates)} of ${formatCount(r.members)})`;
    },
  },
  {
    key: "shares",
    caption: "Shares",
    unit: "Shares",
    barClass: "bg-sky-700 dark:bg-sky-400",
    value: (r) => r.shares,
    display: (r) => formatCount(r.shares),
  },
  {
    key: "clicks",
    caption: "Human clicks",
    unit: "Human clicks",
    barClass: "bg-brand-600 dark:bg-brand-300",
    value: (r) => r.humanClicks,
    display: (r) => formatCount(r.humanClicks),
  },
  {
    key: "conversions",
    caption: "Conversions",
    unit: "Conversions",
    barClass: "bg-orange-700 dark:bg-orange-400",
    value: (r) => r.conversions,
    display: (r) => formatCount(r.conversions),
  },
];

/**
 * Teams side by side — participation, shares, clicks, conversions — for admins and for managers
 * of several teams (a manager of one team sees that team in every other figure already). With
 * the dashboard filtered to one team there is nothing to compare: a link brings the teams back.
 */
export function TeamComparisonSection({
  rows,
  currency,
  search,
  allTeamsHref,
}: {
  rows: TeamRow[];
  currency: string;
  search: string;
  /** The same view without the team filter, when the dashboard is filtered to one team. */
  allTeamsHref: string | null;
}) {
  return (
    <DashboardSection
      id="teams"
      title="Compare teams"
      description="Participation and results per team, side by side. People in several teams count in each."
      download={<DownloadCsvLink table="teams" search={search} />}
    >
      {rows.length === 0 ? (
        <EmptyState>
          No teams in scope. Admins create teams and add people on the Teams page.
        </EmptyState>
      ) : (
        <>
          {rows.length >= 2 ? (
            <div className="grid gap-6 md:grid-cols-2" data-chart="team-comparison">
              {METRICS.map((m) => (
                <MetricBars
                  key={m.key}
                  caption={m.caption}
                  unit={m.unit}
                  rows={rows.map((r) => ({
                    key: r.teamId,
                    label: r.label,
                    value: m.value(r),
                    display: m.display(r),
                    barClass: m.barClass,
                  }))}
                />
              ))}
            </div>
          ) : allTeamsHref ? (
            <p className="text-sm">
              Showing one team.{" "}
              <Link href={allTeamsHref} className={link}>
                Show all teams to compare them
              </Link>
              .
            </p>
          ) : null}
          <DataTable
            caption="By team"
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { header: "Team", cell: (r) => r.label, rowHeader: true },
              {
                header: "Active / members",
                numeric: true,
                cell: (r) => {
                  const share = rate(r.activeAdvocates, r.members);
                  return `${formatCount(r.activeAdvocates)} / ${formatCount(r.members)}${share === null ? "" : ` · ${formatPercent(share)}`}`;
                },
              },
              ...figureColumns<TeamRow>(currency),
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}
