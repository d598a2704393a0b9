import { apiKeyRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { pageQuerySchema } from "@/lib/domains/read-api/page-query";
import { listApiCampaigns } from "@/lib/domains/read-api/list-api-campaigns";

/** Campaigns of the key's organisation, a page at a time (read scope). */
export const GET = apiKeyRoute("read", async ({ req, apiKey }) =>
  listApiCampaigns(apiKey.orgId, parseQuery(req, pageQuerySchema)),
);
