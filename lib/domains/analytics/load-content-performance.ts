import type { Access } from "@/lib/domains/access/resolve-access";
import type { SearchParams } from "@/lib/domains/analytics/analytics-params";
import { getContentPerformance } from "@/lib/domains/analytics/get-content-performance";
import { readAnalyticsView, type AnalyticsView } from "@/lib/domains/analytics/read-analytics-view";
import type { ContentPerformance } from "@/lib/domains/analytics/types";

export interface ContentPerformanceData extends AnalyticsView {
  performance: ContentPerformance;
}

/**
 * A post's drill-down page: the dashboard's period and team filters, then the post's figures in
 * the caller's scope. Another organisation's post (or an unknown id) throws NOT_FOUND.
 */
export async function loadContentPerformance(
  access: Access,
  itemId: string,
  query: SearchParams,
): Promise<ContentPerformanceData> {
  const view = await readAnalyticsView(access, query);
  const { scope, params } = view;
  const performance = await getContentPerformance(
    { orgId: scope.orgId, teamIds: scope.teamIds, range: params.range },
    itemId,
  );
  return { ...view, performance };
}
