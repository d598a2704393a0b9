import { apiKeyRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { pageQuerySchema } from "@/lib/domains/read-api/page-query";
import { listApiShares } from "@/lib/domains/read-api/list-api-shares";

/** Shares of the key's organisation, a page at a time (read scope). */
export const GET = apiKeyRoute("read", async ({ req, apiKey }) =>
  listApiShares(apiKey.orgId, parseQuery(req, pageQuerySchema)),
);
