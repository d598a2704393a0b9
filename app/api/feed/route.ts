import { orgRoute } from "@/lib/access/route";
import { parseQuery } from "@/lib/http/parse-body";
import { feedQuery, listFeedItems } from "@/lib/content/list-feed-items";

export const GET = orgRoute("feed:read", async ({ req, access }) => ({
  items: await listFeedItems(access, parseQuery(req, feedQuery)),
}));
