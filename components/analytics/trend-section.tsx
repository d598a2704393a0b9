import type { TrendPoint } from "@/lib/domains/analytics/types";
import { TrendChart, type TrendSeries } from "@/components/analytics/trend-chart";
import { DataTable } from "@/components/analytics/data-table";
import { formatCount, formatDay } from "@/components/analytics/format";

/**
 * Series colours: each chart pairs hues far apart on the colour wheel (violet and teal; blue and
 * orange — a pair colour-blind readers tell apart), at least 3:1 against the card in light and
 * dark, and every series has its own dash and marker shape too.
 */
export const ATTENTION_SERIES: TrendSeries[] = [
  {
    metric: "humanClicks",
    label: "Human clicks",
    tone: "text-brand-600 dark:text-brand-300",
    marker: "circle",
  },
  {
    metric: "uniqueVisits",
    label: "Unique visits",
    tone: "text-teal-600 dark:text-teal-300",
    dash: "6 4",
    marker: "diamond",
  },
];
export const ACTIVITY_SERIES: TrendSeries[] = [
  { metric: "shares", label: "Shares", tone: "text-sky-700 dark:text-sky-300", marker: "square" },
  {
    metric: "conversions",
    label: "Conversions",
    tone: "text-orange-700 dark:text-orange-300",
    dash: "2 3",
    marker: "triangle",
  },
];

/** Daily trend: clicks and visits, shares and conversions, and the numbers as a table. */
/** `locale`: the person's (requestDateFormat), for the day labels. */
export function TrendSection({ trend, locale }: { trend: TrendPoint[]; locale: string }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <TrendChart
          title="Human clicks and unique visits per day"
          points={trend}
          series={ATTENTION_SERIES}
          locale={locale}
        />
        <TrendChart
          title="Shares and conversions per day"
          points={trend}
          series={ACTIVITY_SERIES}
          locale={locale}
        />
      </div>
      <DailyFigures trend={trend} locale={locale} />
    </div>
  );
}

/** The numbers behind the charts, folded away under a summary. */
export function DailyFigures({ trend, locale }: { trend: TrendPoint[]; locale: string }) {
  return (
    <details>
      <summary className="cursor-pointer pointer-coarse:py-3 text-sm font-medium text-brand-700 dark:text-brand-100">
        Show the daily numbers as a table
      </summary>
      <div className="mt-3 max-h-96 overflow-auto">
        <DataTable
          caption="Daily figures"
          rows={trend}
          rowKey={(p) => p.day}
          columns={[
            { header: "Day", cell: (p) => formatDay(p.day, true, locale), rowHeader: true },
            { header: "Shares", cell: (p) => formatCount(p.shares), numeric: true },
            { header: "Human clicks", cell: (p) => formatCount(p.humanClicks), numeric: true },
            { header: "Unique visits", cell: (p) => formatCount(p.uniqueVisits), numeric: true },
            { header: "Conversions", cell: (p) => formatCount(p.conversions), numeric: true },
            {
              header: "Estimated reach",
              cell: (p) => formatCount(p.estimatedReach),
              numeric: true,
            },
          ]}
        />
      </div>
    </details>
  );
}
