import type {
  AnalyticsQuery,
  BreakdownRow,
  ExportTable,
  TeamRow,
} from "@/lib/domains/analytics/types";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import { exportShareRows, SHARES_EXPORT_HEADER } from "@/lib/domains/analytics/export-shares";
import {
  CONVERSIONS_EXPORT_HEADER,
  exportConversionRows,
} from "@/lib/domains/analytics/export-conversions";

/** A CSV table: its header and its rows, in pages (streamed tables read one page at a time). */
export interface ExportedTable {
  header: string[];
  pages: AsyncIterable<unknown[][]>;
}

const FIGURES_HEADER = [
  "shares",
  "human_clicks",
  "unique_visits",
  "visits_per_share",
  "conversions",
  "conversion_value",
  "estimated_reach",
  "emv_estimate",
];

function figures(row: BreakdownRow): unknown[] {
  return [
    row.shares,
    row.humanClicks,
    row.uniqueVisits,
    Math.round(row.clicksPerShare * 100) / 100,
    row.conversions,
    row.conversionValue,
    row.estimatedReach,
    row.emv,
  ];
}

async function* once(rows: () => Promise<unknown[][]>): AsyncGenerator<unknown[][]> {
  yield await rows();
}

/** The file name of an export: chorus-<table>-<from>-<to>.csv. */
export function exportFileName(table: ExportTable, range: { from: string; to: string }): string {
  return `chorus-${table}-${range.from}-${range.to}.csv`;
}

/**
 * One dashboard table as CSV rows for a scope and period. Aggregated tables come from the same
 * queries as the dashboard (without a row limit); "shares" and "conversions" are raw rows read in
 * keyset pages as the stream is consumed.
 */
export async function exportTable(
  table: ExportTable,
  query: AnalyticsQuery,
  loaded?: AnalyticsSettings,
): Promise<ExportedTable> {
  const settings = loaded ?? (await getOrgAnalyticsSettings(query.orgId));
  const currency = settings.currency;
  // No row limit: the file holds every row the dashboard summarises.
  const breakdowns = () => getBreakdowns(query, { limit: Number.MAX_SAFE_INTEGER });
  switch (table) {
    case "daily":
      return {
        header: [
          "day",
          "shares",
          "human_clicks",
          "unique_visits",
          "conversions",
          "estimated_reach",
        ],
        pages: once(async () =>
          (await getOverview(query)).trend.map((p) => [
            p.day,
            p.shares,
            p.humanClicks,
            p.uniqueVisits,
            p.conversions,
            p.estimatedReach,
          ]),
        ),
      };
    case "value-types":
      return {
        header: ["value_type", "label", ...FIGURES_HEADER, "currency"],
        pages: once(async () =>
          (await breakdowns()).valueTypes.map((r) => [
            r.valueType,
            r.label,
            ...figures(r),
            currency,
          ]),
        ),
      };
    case "goals":
      return {
        header: ["goal", "label", ...FIGURES_HEADER, "conversions_in_area", "currency"],
        pages: once(async () =>
          (await breakdowns()).goals.map((r) => [
            r.goal,
            r.label,
            ...figures(r),
            r.conversionsInArea,
            currency,
          ]),
        ),
      };
    case "content":
      return {
        header: ["item_id", "title", "value_type", ...FIGURES_HEADER, "currency"],
        pages: once(async () =>
          (await breakdowns()).topContent.map((r) => [
            r.itemId,
            r.label,
            r.valueType,
            ...figures(r),
            currency,
          ]),
        ),
      };
    case "advocates":
      return {
        header: ["rank", "advocate", "handle", ...FIGURES_HEADER, "points", "currency"],
        pages: once(async () =>
          (await breakdowns()).leaderboard.map((r) => [
            r.rank,
            r.label,
            r.handle ?? "",
            ...figures(r),
            r.points,
            currency,
          ]),
        ),
      };
    case "teams":
      return {
        header: ["team_id", "team", "members", "active_advocates", ...FIGURES_HEADER, "currency"],
        pages: once(async () =>
          (await breakdowns()).teams.map((r: TeamRow) => [
            r.teamId,
            r.label,
            r.members,
            r.activeAdvocates,
            ...figures(r),
            currency,
          ]),
        ),
      };
    case "shares":
      return { header: SHARES_EXPORT_HEADER, pages: exportShareRows(query, settings) };
    case "conversions":
      return { header: CONVERSIONS_EXPORT_HEADER, pages: exportConversionRows(query, settings) };
  }
}
