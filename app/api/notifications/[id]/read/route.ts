import { orgRoute } from "@/lib/domains/access/route";
import { markNotificationRead } from "@/lib/domains/notifications/mark-notifications-read";
import { countUnreadNotifications } from "@/lib/domains/notifications/list-notifications";

export const POST = orgRoute("org:read", async ({ params, access }) => {
  await markNotificationRead(access.orgId, access.userId, String(params.id));
  return { unread: await countUnreadNotifications(access.orgId, access.userId) };
});
