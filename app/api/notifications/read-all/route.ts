import { orgRoute } from "@/lib/access/route";
import { markAllNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export const POST = orgRoute("org:read", async ({ access }) => ({
  marked: await markAllNotificationsRead(access.orgId, access.userId),
  unread: 0,
}));
