import type { AnalyticsQuery, Breakdowns } from "@/lib/analytics/types";

/** Breakdowns of a range: value types, goals, top content, leaderboard, teams, funnel. */
export async function getBreakdowns(
  _query: AnalyticsQuery,
  _opts: { limit?: number } = {},
): Promise<Breakdowns> {
  return {
    valueTypes: [],
    goals: [],
    topContent: [],
    leaderboard: [],
    teams: [],
    funnel: { shares: 0, uniqueVisits: 0, conversions: 0 },
  };
}
