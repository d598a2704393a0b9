import { orgRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { feedQuery, listFeedItems } from "@/lib/domains/content/list-feed-items";

export const GET = orgRoute("feed:read", async ({ req, access }) => ({
  items: await listFeedItems(access, parseQuery(req, feedQuery)),
}));
