import type { Access } from "@/lib/domains/access/resolve-access";
import { AppError } from "@/lib/core/errors/app-error";
import {
  analyticsSearch,
  readAnalyticsParams,
  type AnalyticsParams,
  type SearchParams,
} from "@/lib/domains/analytics/analytics-params";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import { resolveAnalyticsScope, type ResolvedScope } from "@/lib/domains/analytics/resolve-scope";
import type { Breakdowns, Overview } from "@/lib/domains/analytics/types";
import { zonedDateKey } from "@/lib/core/time/zoned-time";

/** Rows of the top content and leaderboard tables on the page (the CSV has them all). */
export const DASHBOARD_ROWS = 10;

export interface DashboardData {
  role: Access["role"];
  params: AnalyticsParams;
  /** The query string of the current view (period and team), for CSV links. */
  search: string;
  today: string;
  /** Problems with the query string, shown above the figures (the defaults were used instead). */
  errors: string[];
  scope: ResolvedScope;
  settings: AnalyticsSettings;
  /** null: a manager who manages no team (nothing to show). */
  overview: Overview | null;
  breakdowns: Breakdowns | null;
}

/**
 * Everything the dashboard page shows, for the caller's scope. Unusable query values never fail
 * the page: the default period (or every team) is used and the problem is reported.
 */
export async function loadDashboard(access: Access, query: SearchParams): Promise<DashboardData> {
  const settings = await getOrgAnalyticsSettings(access.orgId);
  const now = new Date();
  const read = readAnalyticsParams(query, settings.timeZone, now);
  const errors = [...read.errors];
  let params = read.params;
  let scope: ResolvedScope;
  try {
    scope = await resolveAnalyticsScope(access, params.teamId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
    errors.push("That team is not one you can see. Showing all of your teams instead.");
    params = { ...params, teamId: null };
    scope = await resolveAnalyticsScope(access, null);
  }
  const base = {
    role: access.role,
    params,
    search: analyticsSearch(params),
    today: zonedDateKey(now, settings.timeZone),
    errors,
    scope,
    settings,
  };
  if (scope.teamIds !== null && scope.teamIds.length === 0) {
    return { ...base, overview: null, breakdowns: null };
  }
  const analyticsQuery = { orgId: scope.orgId, teamIds: scope.teamIds, range: params.range };
  const [overview, breakdowns] = await Promise.all([
    getOverview(analyticsQuery),
    getBreakdowns(analyticsQuery, { limit: DASHBOARD_ROWS }),
  ]);
  return { ...base, overview, breakdowns };
}
