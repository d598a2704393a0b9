import { orgRoute } from "@/lib/access/route";
import { getVisibleItem } from "@/lib/content/list-feed-items";

export const GET = orgRoute("feed:read", async ({ access, params }) => ({
  item: await getVisibleItem(access, String(params.id)),
}));
