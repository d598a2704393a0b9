import type { Access } from "@/lib/domains/access/resolve-access";
import { AppError } from "@/lib/core/errors/app-error";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import {
  analyticsSearch,
  readAnalyticsParams,
  type AnalyticsParams,
  type SearchParams,
} from "@/lib/domains/analytics/analytics-params";
import {
  getOrgAnalyticsSettings,
  type AnalyticsSettings,
} from "@/lib/domains/analytics/org-analytics-settings";
import { resolveAnalyticsScope, type ResolvedScope } from "@/lib/domains/analytics/resolve-scope";

/** The period, team and scope an analytics page shows, read from its query string. */
export interface AnalyticsView {
  role: Access["role"];
  params: AnalyticsParams;
  /** The query string of the current view (period and team), for links and CSV downloads. */
  search: string;
  today: string;
  /** Problems with the query string, shown above the figures (the defaults were used instead). */
  errors: string[];
  scope: ResolvedScope;
  settings: AnalyticsSettings;
}

/**
 * The dashboard's filters for the caller (the dashboard and a post's drill-down share them).
 * Unusable query values never fail the page: the default period (or every team) is used and the
 * problem is reported.
 */
export async function readAnalyticsView(
  access: Access,
  query: SearchParams,
): Promise<AnalyticsView> {
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
  return {
    role: access.role,
    params,
    search: analyticsSearch(params),
    today: zonedDateKey(now, settings.timeZone),
    errors,
    scope,
    settings,
  };
}
