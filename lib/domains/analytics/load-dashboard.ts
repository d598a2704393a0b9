import type { Access } from "@/lib/domains/access/resolve-access";
import type { SearchParams } from "@/lib/domains/analytics/analytics-params";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { readAnalyticsView, type AnalyticsView } from "@/lib/domains/analytics/read-analytics-view";
import type { Breakdowns, Overview } from "@/lib/domains/analytics/types";

/** Rows of the top content and leaderboard tables on the page (the CSV has them all). */
export const DASHBOARD_ROWS = 10;

export interface DashboardData extends AnalyticsView {
  /** null: a manager who manages no team (nothing to show). */
  overview: Overview | null;
  breakdowns: Breakdowns | null;
}

/**
 * Everything the dashboard page shows, for the caller's scope. Unusable query values never fail
 * the page: the default period (or every team) is used and the problem is reported.
 */
export async function loadDashboard(access: Access, query: SearchParams): Promise<DashboardData> {
  const view = await readAnalyticsView(access, query);
  const { scope, params } = view;
  if (scope.teamIds !== null && scope.teamIds.length === 0) {
    return { ...view, overview: null, breakdowns: null };
  }
  const analyticsQuery = { orgId: scope.orgId, teamIds: scope.teamIds, range: params.range };
  const [overview, breakdowns] = await Promise.all([
    getOverview(analyticsQuery),
    getBreakdowns(analyticsQuery, { limit: DASHBOARD_ROWS }),
  ]);
  return { ...view, overview, breakdowns };
}
