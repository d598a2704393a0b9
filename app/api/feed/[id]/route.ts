import { orgRoute } from "@/lib/domains/access/route";
import { getVisibleItem } from "@/lib/domains/content/list-feed-items";

export const GET = orgRoute("feed:read", async ({ access, params }) => ({
  item: await getVisibleItem(access, String(params.id)),
}));
