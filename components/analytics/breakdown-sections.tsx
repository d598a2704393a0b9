import Link from "next/link";
import type {
  BreakdownRow,
  ContentRow,
  Funnel,
  GoalRow,
  LeaderboardRow,
  ValueTypeRow,
} from "@/lib/domains/analytics/types";
import { GOALS, VALUE_TYPES, valueTypeLabel } from "@/lib/domains/content/value-types";
import { GOAL_BAR, VALUE_TYPE_TONES } from "@/components/content/value-type-style";
import { DataTable, type Column } from "@/components/analytics/data-table";
import { DashboardSection, EmptyState } from "@/components/analytics/dashboard-section";
import { DownloadCsvLink } from "@/components/analytics/download-link";
import { MetricBars } from "@/components/analytics/metric-bars";
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatRatio,
  rate,
} from "@/components/analytics/format";
import { pointsSentence } from "@/lib/domains/recognition/describe-points";
import type { PointsSettings } from "@/lib/domains/recognition/points-rules";

const link =
  "touch-area font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

/** The figures every breakdown table shows after its own columns. */
export function figureColumns<T extends BreakdownRow>(
  currency: string,
  { reach = true } = {},
): Column<T>[] {
  const columns: Column<T>[] = [
    { header: "Shares", cell: (r) => formatCount(r.shares), numeric: true },
    { header: "Human clicks", cell: (r) => formatCount(r.humanClicks), numeric: true },
    { header: "Unique visits", cell: (r) => formatCount(r.uniqueVisits), numeric: true },
    { header: "Visits / share", cell: (r) => formatRatio(r.clicksPerShare), numeric: true },
    { header: "Conversions", cell: (r) => formatCount(r.conversions), numeric: true },
  ];
  if (reach) {
    columns.push(
      { header: "Reach (est.)", cell: (r) => formatCount(r.estimatedReach), numeric: true },
      { header: "EMV (est.)", cell: (r) => formatMoney(r.emv, currency), numeric: true },
    );
  }
  return columns;
}

export function ValueTypesSection({
  rows,
  currency,
  search,
}: {
  rows: ValueTypeRow[];
  currency: string;
  search: string;
}) {
  const shared = rows.filter((r) => r.shares > 0);
  const best = [...shared].sort((a, b) => b.clicksPerShare - a.clicksPerShare)[0];
  return (
    <DashboardSection
      id="value-types"
      title="Which kinds of content bring clicks"
      description="Unique visits each share brought, by the value type of the post. A varied mix keeps networks listening."
      download={<DownloadCsvLink table="value-types" search={search} />}
    >
      {shared.length === 0 ? (
        <EmptyState>
          No shares in this period yet. Publish posts of different value types in the Studio and
          invite your people to share them from their feed.
        </EmptyState>
      ) : (
        <>
          {best && best.clicksPerShare > 0 ? (
            <p className="text-sm">
              <strong>{valueTypeLabel(best.valueType)}</strong> posts brought the most visits per
              share: <strong>{formatRatio(best.clicksPerShare)}</strong>.
            </p>
          ) : null}
          <MetricBars
            caption="Unique visits per share"
            unit="Visits per share"
            rows={VALUE_TYPES.map((v) => {
              const row = rows.find((r) => r.valueType === v.id);
              const value = row?.clicksPerShare ?? 0;
              return {
                key: v.id,
                label: v.label,
                value,
                display: row && row.shares > 0 ? formatRatio(value) : "no shares",
                barClass: VALUE_TYPE_TONES[v.id].bar,
                note: v.explanation,
              };
            })}
          />
          <DataTable
            caption="By value type"
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { header: "Value type", cell: (r) => r.label, rowHeader: true },
              ...figureColumns<ValueTypeRow>(currency),
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}

export function GoalsSection({
  rows,
  currency,
  search,
}: {
  rows: GoalRow[];
  currency: string;
  search: string;
}) {
  const shared = rows.filter((r) => r.shares > 0);
  return (
    <DashboardSection
      id="goals"
      title="Business goals"
      description="Shares of posts serving each goal and the outcomes in that goal's own area (Marketing: visits and sign-ups; HR: applications and hires; Sales: leads, opportunities and deals). A post can serve several goals."
      download={<DownloadCsvLink table="goals" search={search} />}
    >
      {shared.length === 0 ? (
        <EmptyState>
          No shares in this period yet. Give posts a goal in the Studio to see which goals bring
          results.
        </EmptyState>
      ) : (
        <>
          <MetricBars
            caption="Conversions in the goal's area"
            unit="Conversions"
            rows={GOALS.map((g) => {
              const value = rows.find((r) => r.goal === g.id)?.conversionsInArea ?? 0;
              return {
                key: g.id,
                label: g.label,
                value,
                display: formatCount(value),
                barClass: GOAL_BAR[g.id],
                note: g.explanation,
              };
            })}
          />
          <DataTable
            caption="By business goal"
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { header: "Goal", cell: (r) => r.label, rowHeader: true },
              ...figureColumns<GoalRow>(currency),
              {
                header: "In its area",
                cell: (r) => formatCount(r.conversionsInArea),
                numeric: true,
              },
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}

export function TopContentSection({
  rows,
  currency,
  search,
}: {
  rows: ContentRow[];
  currency: string;
  search: string;
}) {
  return (
    <DashboardSection
      id="top-content"
      title="Top content"
      description="The posts that brought the most unique visits. Open one to see who shared it, its clicks day by day and its outcomes."
      download={<DownloadCsvLink table="content" search={search} />}
    >
      {rows.length === 0 ? (
        <EmptyState>
          No post was shared in this period. Pick strong posts in the Studio and feature them in the
          feed.
        </EmptyState>
      ) : (
        <DataTable
          caption="Top content"
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            {
              header: "Post",
              rowHeader: true,
              // The drill-down keeps the dashboard's period and team.
              cell: (r) => (
                <Link href={`/dashboard/content/${r.itemId}?${search}`} className={link}>
                  {r.label}
                </Link>
              ),
            },
            {
              header: "Value type",
              cell: (r) => (
                <span
                  className={`rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${VALUE_TYPE_TONES[r.valueType].chip}`}
                >
                  {valueTypeLabel(r.valueType)}
                </span>
              ),
            },
            ...figureColumns<ContentRow>(currency, { reach: false }),
          ]}
        />
      )}
    </DashboardSection>
  );
}

export function LeaderboardSection({
  rows,
  search,
  points,
}: {
  rows: LeaderboardRow[];
  search: string;
  /** The organisation's points rules, shown so the ranking is explainable. */
  points: PointsSettings | null;
}) {
  return (
    <DashboardSection
      id="leaderboard"
      title="Top advocates"
      description={
        points ? pointsSentence(points) : "Ranked by points for shares, visits and conversions."
      }
      download={<DownloadCsvLink table="advocates" search={search} />}
    >
      {rows.length === 0 ? (
        <EmptyState>
          No one has shared in this period yet. Encourage your team to share a post from their feed
          — it takes a minute.
        </EmptyState>
      ) : (
        <DataTable
          caption="Leaderboard"
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { header: "Rank", cell: (r) => r.rank, numeric: true },
            {
              header: "Advocate",
              rowHeader: true,
              cell: (r) =>
                r.handle ? (
                  <Link href={`/people/${r.handle}`} className={link}>
                    {r.label}
                  </Link>
                ) : (
                  r.label
                ),
            },
            { header: "Shares", cell: (r) => formatCount(r.shares), numeric: true },
            { header: "Unique visits", cell: (r) => formatCount(r.uniqueVisits), numeric: true },
            { header: "Conversions", cell: (r) => formatCount(r.conversions), numeric: true },
            {
              header: "Points",
              cell: (r) => <strong>{formatCount(r.points)}</strong>,
              numeric: true,
            },
          ]}
        />
      )}
    </DashboardSection>
  );
}

export function FunnelSection({ funnel, search }: { funnel: Funnel; search: string }) {
  const steps = [
    { key: "shares", label: "Shares", value: funnel.shares, from: null as number | null },
    {
      key: "visits",
      label: "Unique visits",
      value: funnel.uniqueVisits,
      from: funnel.shares,
      per: "per share",
    },
    {
      key: "conversions",
      label: "Conversions",
      value: funnel.conversions,
      from: funnel.uniqueVisits,
      per: "of visits",
    },
  ];
  const max = Math.max(...steps.map((s) => s.value), 0);
  return (
    <DashboardSection
      id="funnel"
      title="Funnel"
      description="From a share to a visit to an outcome."
      download={
        <span className="flex flex-wrap gap-2">
          <DownloadCsvLink table="shares" search={search} label="Shares CSV" />
          <DownloadCsvLink table="conversions" search={search} label="Conversions CSV" />
        </span>
      }
    >
      {funnel.shares === 0 ? (
        <EmptyState>The funnel fills in as soon as someone shares in this period.</EmptyState>
      ) : (
        <ol className="space-y-3" data-chart="funnel">
          {steps.map((s) => {
            const stepRate = s.from === null ? null : rate(s.value, s.from);
            return (
              <li key={s.key} className="grid grid-cols-[8rem_1fr_auto] items-center gap-3 text-sm">
                <span className="font-medium">{s.label}</span>
                <span className="h-6 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                  <span
                    className="block h-6 rounded bg-brand-500"
                    style={{ width: `${max > 0 ? Math.max((s.value / max) * 100, 1) : 0}%` }}
                  />
                </span>
                <span className="whitespace-nowrap text-right tabular-nums">
                  <strong>{formatCount(s.value)}</strong>
                  {stepRate === null ? null : (
                    <span className="ml-2 text-slate-600 dark:text-slate-400">
                      {s.key === "visits" ? formatRatio(stepRate) : formatPercent(stepRate, 1)}{" "}
                      {s.per}
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </DashboardSection>
  );
}
