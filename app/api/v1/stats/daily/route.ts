import { apiKeyRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import {
  dailyStatsQuerySchema,
  listApiDailyStats,
} from "@/lib/domains/read-api/list-api-daily-stats";

/** Daily figures from the rollups, optionally per item or team (read scope). */
export const GET = apiKeyRoute("read", async ({ req, apiKey }) =>
  listApiDailyStats(apiKey.orgId, parseQuery(req, dailyStatsQuerySchema)),
);
