import Link from "next/link";
import { DataTable } from "@/components/analytics/data-table";
import { formatCount, formatRange } from "@/components/analytics/format";
import { TrendChart, type TrendSeries } from "@/components/analytics/trend-chart";
import { DailyFigures } from "@/components/analytics/trend-section";
import { MixBars } from "@/components/charts/mix-bars";
import { VALUE_TYPE_TONES } from "@/components/content/value-type-style";
import { StatTiles } from "@/components/people/stat-tiles";
import {
  PRESET_DAYS,
  PRESET_LABELS,
  type RangePreset,
} from "@/lib/domains/analytics/analytics-params";
import { valueTypeLabel } from "@/lib/domains/content/value-types";
import type {
  ImpactFigures,
  MyImpact as FullImpact,
  ShareImpact,
} from "@/lib/domains/impact/get-my-impact";
import { describeOutcomes } from "@/lib/domains/milestones/outcome-words";

/** What the panel reads (a person's page may leave the period's share mix out). */
type MyImpact = Omit<FullImpact, "mix">;

const muted = "text-sm text-slate-600 dark:text-slate-400";

const IMPACT_SERIES: TrendSeries[] = [
  {
    metric: "uniqueVisits",
    label: "Unique visits",
    tone: "text-teal-600 dark:text-teal-300",
    marker: "diamond",
  },
  {
    metric: "humanClicks",
    label: "Human clicks",
    tone: "text-brand-600 dark:text-brand-300",
    dash: "6 4",
    marker: "circle",
  },
];

/** The preset periods as links (the query string is the state, as on the dashboard). */
export function ImpactPeriodNav({
  basePath,
  preset,
  range,
  locale,
}: {
  basePath: string;
  preset: RangePreset;
  range: MyImpact["range"];
  locale: string;
}) {
  const presets = Object.keys(PRESET_DAYS) as Exclude<RangePreset, "custom">[];
  return (
    <nav aria-label="Period" className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-1.5">
        {presets.map((p) => (
          <li key={p}>
            <Link
              href={`${basePath}?range=${p}`}
              scroll={false}
              aria-current={p === preset ? "page" : undefined}
              className={`inline-flex min-h-9 items-center rounded-full pointer-coarse:min-h-11 px-3 text-sm font-medium ring-1 ring-inset ${
                p === preset
                  ? "bg-brand-700 text-white ring-brand-700 dark:bg-brand-100 dark:text-slate-900 dark:ring-brand-100"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
              }`}
            >
              {PRESET_LABELS[p]}
            </Link>
          </li>
        ))}
      </ul>
      <span className={muted}>{formatRange(range, locale)}</span>
    </nav>
  );
}

function linkedInFigures(f: ImpactFigures): string | null {
  const parts = [
    f.reactions === null ? null : `${formatCount(f.reactions)} reactions`,
    f.comments === null ? null : `${formatCount(f.comments)} comments`,
    f.reshares === null ? null : `${formatCount(f.reshares)} reshares`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** The period's totals: visits, clicks, reach (labelled when estimated), outcomes. */
export function ImpactTotals({ impact }: { impact: MyImpact }) {
  const { totals } = impact;
  const outcomes = describeOutcomes(totals.outcomes);
  const linkedIn = linkedInFigures(totals);
  return (
    <StatTiles
      columns={4}
      tile="inset"
      stats={[
        {
          label: "Unique visits",
          value: formatCount(totals.uniqueVisits),
          note: "People who followed your links, each counted once an hour. Bots left out.",
        },
        {
          label: "Clicks",
          value: formatCount(totals.humanClicks),
          note: "Human clicks on your tracked links.",
        },
        {
          label: totals.reachIsEstimate ? "Reach (estimate)" : "Reach",
          value: formatCount(totals.reach),
          note: totals.reachIsEstimate
            ? `Estimate: network size × ${Math.round(impact.reachSettings.reachRate * 1000) / 10} % for posts without LinkedIn's figures.${linkedIn ? ` LinkedIn: ${linkedIn}.` : ""}`
            : `Impressions reported by LinkedIn.${linkedIn ? ` ${linkedIn}.` : ""}`,
        },
        {
          label: "Outcomes",
          value: formatCount(totals.conversions),
          note: outcomes || "Sign-ups, applicants, hires, leads and deals your shares brought.",
        },
      ]}
    />
  );
}

/** Visits and clicks per day, with the numbers as a table. */
export function ImpactTrend({ impact, locale }: { impact: MyImpact; locale: string }) {
  return (
    <div className="space-y-3">
      <TrendChart
        title="Unique visits and human clicks per day"
        points={impact.trend}
        series={IMPACT_SERIES}
        locale={locale}
      />
      <DailyFigures trend={impact.trend} locale={locale} />
    </div>
  );
}

/** Where the visits came from, by value type. */
export function ImpactVisitMix({ impact, caption }: { impact: MyImpact; caption: string }) {
  if (impact.totals.uniqueVisits === 0) return null;
  return (
    <MixBars
      caption={caption}
      rows={impact.visitsByValueType}
      label={valueTypeLabel}
      barClass={(k) => VALUE_TYPE_TONES[k].bar}
      unit="Visits"
    />
  );
}

/** Per share: what each brought in the period. */
export function ImpactShareTable({ shares }: { shares: ShareImpact[] }) {
  if (shares.length === 0) return null;
  return (
    <DataTable
      caption="What each share brought in the period, most visits first"
      rows={shares}
      rowKey={(s) => s.shareId}
      columns={[
        {
          header: "Post",
          rowHeader: true,
          className: "min-w-40",
          cell: (s) => (
            <>
              <span className="font-medium">{s.itemTitle}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {valueTypeLabel(s.valueType)} · shared {s.day}
              </span>
            </>
          ),
        },
        { header: "Visits", numeric: true, cell: (s) => formatCount(s.uniqueVisits) },
        { header: "Clicks", numeric: true, cell: (s) => formatCount(s.humanClicks) },
        {
          header: "Reach",
          numeric: true,
          cell: (s) => (
            <>
              {formatCount(s.reach)}
              {s.reachIsEstimate ? (
                <span className="block text-xs text-slate-600 dark:text-slate-400">estimate</span>
              ) : null}
            </>
          ),
        },
        {
          header: "LinkedIn",
          cell: (s) =>
            linkedInFigures(s) ?? <span className="text-slate-600 dark:text-slate-400">—</span>,
        },
        {
          header: "Outcomes",
          cell: (s) =>
            describeOutcomes(s.outcomes) || (
              <span className="text-slate-600 dark:text-slate-400">—</span>
            ),
        },
      ]}
    />
  );
}

/** The whole panel, as /activity shows it (the person's page picks the parts colleagues may see). */
export function ImpactPanel({
  impact,
  basePath,
  preset,
  owner = "your",
  showShares = true,
  showMix = true,
  locale,
}: {
  impact: MyImpact;
  basePath: string;
  /** The reader's locale, for the day labels (lib/core/http/request-date-format.ts). */
  locale: string;
  preset: RangePreset;
  /** "your", or "Priya's" on someone else's page. */
  owner?: string;
  showShares?: boolean;
  showMix?: boolean;
}) {
  const best = impact.best;
  return (
    <div className="space-y-5">
      <ImpactPeriodNav basePath={basePath} preset={preset} range={impact.range} locale={locale} />
      <ImpactTotals impact={impact} />
      {best ? (
        <p className="text-sm" data-testid="impact-best">
          <span className="font-semibold">Best share:</span> {best.itemTitle} —{" "}
          {formatCount(best.uniqueVisits)} {best.uniqueVisits === 1 ? "visit" : "visits"}
        </p>
      ) : (
        <p className={muted}>
          No visits in this period yet. Visits show up here about a minute after someone follows{" "}
          {owner} link.
        </p>
      )}
      <ImpactTrend impact={impact} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {showShares ? (
          <div className="min-w-0">
            <ImpactShareTable shares={impact.byShare} />
          </div>
        ) : null}
        {showMix ? (
          <div className="min-w-0">
            <ImpactVisitMix impact={impact} caption="Visits by value type" />
          </div>
        ) : null}
      </div>
    </div>
  );
}
