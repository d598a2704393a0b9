import { orgRoute } from "@/lib/domains/access/route";
import { markAllNotificationsRead } from "@/lib/domains/notifications/mark-notifications-read";

export const POST = orgRoute("org:read", async ({ access }) => ({
  marked: await markAllNotificationsRead(access.orgId, access.userId),
  unread: 0,
}));
