import { orgRoute } from "@/lib/domains/access/route";
import { listNotifications } from "@/lib/domains/notifications/list-notifications";

/** The signed-in member's latest 20 notifications in the active organisation, and the unread count. */
export const GET = orgRoute("org:read", async ({ access }) => {
  const list = await listNotifications(access.orgId, access.userId);
  return Response.json(list, { headers: { "Cache-Control": "no-store" } });
});
