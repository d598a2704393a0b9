import type { ReactNode } from "react";
import type { Kpis, Overview } from "@/lib/domains/analytics/types";
import { AREA_LABELS, OUTCOME_AREAS } from "@/lib/domains/analytics/outcomes";
import { ChangeBadge } from "@/components/analytics/change-badge";
import { EstimateNote, type EmvRates } from "@/components/analytics/estimate-note";
import {
  formatCount,
  formatMoney,
  formatPercent,
  pointsChange,
  rate,
  relativeChange,
  type Change,
} from "@/components/analytics/format";

interface KpiCard {
  id: string;
  label: string;
  value: string;
  estimate?: boolean;
  change: Change;
  detail?: ReactNode;
}

function cards(current: Kpis, previous: Kpis, currency: string): KpiCard[] {
  const participation = rate(current.activeAdvocates, current.eligibleAdvocates);
  const money = (v: number) => formatMoney(v, currency);
  return [
    {
      id: "active-advocates",
      label: "Active advocates",
      value: `${formatCount(current.activeAdvocates)} / ${formatCount(current.eligibleAdvocates)}`,
      change: relativeChange(current.activeAdvocates, previous.activeAdvocates),
      detail:
        participation === null
          ? "No one in scope can share yet."
          : `${formatPercent(participation)} of the people who can share, shared at least once.`,
    },
    {
      id: "shares",
      label: "Shares",
      value: formatCount(current.shares),
      change: relativeChange(current.shares, previous.shares),
    },
    {
      id: "human-clicks",
      label: "Human clicks",
      value: formatCount(current.humanClicks),
      change: relativeChange(current.humanClicks, previous.humanClicks),
      detail: `${formatCount(current.botClicks)} bot and preview clicks left out.`,
    },
    {
      id: "unique-visits",
      label: "Unique visits",
      value: formatCount(current.uniqueVisits),
      change: relativeChange(current.uniqueVisits, previous.uniqueVisits),
      detail: "Each visitor counted once per shared link per hour.",
    },
    {
      id: "estimated-reach",
      label: "Estimated reach",
      value: formatCount(current.estimatedReach),
      estimate: current.reachIsEstimate,
      change: relativeChange(current.estimatedReach, previous.estimatedReach),
      detail: "Impressions of the shared posts.",
    },
    {
      id: "emv",
      label: "Earned media value",
      value: money(current.emv),
      estimate: true,
      change: relativeChange(current.emv, previous.emv, money),
      detail: "What this attention would have cost as paid media.",
    },
    {
      id: "conversions",
      label: "Conversions",
      value: formatCount(current.conversions),
      change: relativeChange(current.conversions, previous.conversions),
      detail: (
        <span className="flex flex-wrap gap-x-3">
          {OUTCOME_AREAS.map((area) => (
            <span key={area} data-area={area}>
              {AREA_LABELS[area]}{" "}
              <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">
                {formatCount(current.conversionsByArea[area])}
              </span>
            </span>
          ))}
          {current.conversionValue > 0 ? <span>Value {money(current.conversionValue)}</span> : null}
        </span>
      ),
    },
    {
      id: "authenticity",
      label: "Authenticity",
      value:
        current.authenticityAverage === null ? "—" : formatPercent(current.authenticityAverage),
      change: pointsChange(current.authenticityAverage, previous.authenticityAverage),
      detail:
        current.aiAssistedShares > 0
          ? `Average share of the advocates' own words in their posts. ${formatCount(current.aiAssistedShares)} of ${formatCount(current.shares)} shares kept AI-suggested words, which count as suggested text.`
          : "Average share of the advocates' own words in their posts.",
    },
  ];
}

/** The headline figures of the period, each with its change against the previous period. */
export function KpiCards({
  overview,
  rates,
  period,
}: {
  overview: Overview;
  rates: EmvRates;
  /** "previous 30 days" */
  period: string;
}) {
  const list = cards(overview.current, overview.previous, overview.currency);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {list.map((card) => (
          <div
            key={card.id}
            data-kpi={card.id}
            className="flex flex-col rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
          >
            <dt className="flex items-center gap-2 text-sm font-medium text-slate-600 dark:text-slate-400">
              {card.label}
              {card.estimate ? (
                <abbr
                  title="Estimate — see how it is calculated below"
                  className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 no-underline dark:bg-amber-900 dark:text-amber-100"
                >
                  est.
                </abbr>
              ) : null}
            </dt>
            <dd
              className="mt-1 text-2xl font-semibold tracking-tight tabular-nums"
              data-kpi-value={card.id}
            >
              {card.value}
            </dd>
            <dd className="mt-1">
              <ChangeBadge change={card.change} period={period} />
            </dd>
            {card.detail ? (
              <dd className="mt-2 text-xs text-slate-600 dark:text-slate-400">{card.detail}</dd>
            ) : null}
          </div>
        ))}
      </dl>
      <EstimateNote rates={rates} currency={overview.currency} />
    </div>
  );
}
