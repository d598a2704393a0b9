import { db } from "@/lib/core/db/client";

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  url: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationList {
  notifications: NotificationView[];
  unread: number;
}

/** The bell: the member's latest notifications in the active organisation and how many are unread. */
export async function listNotifications(
  orgId: string,
  userId: string,
  { limit = 20 }: { limit?: number } = {},
): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { orgId, userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        title: true,
        body: true,
        url: true,
        readAt: true,
        createdAt: true,
      },
    }),
    countUnreadNotifications(orgId, userId),
  ]);
  return {
    notifications: rows.map(({ readAt, createdAt, ...row }) => ({
      ...row,
      read: readAt !== null,
      createdAt: createdAt.toISOString(),
    })),
    unread,
  };
}

export function countUnreadNotifications(orgId: string, userId: string): Promise<number> {
  return db.notification.count({ where: { orgId, userId, readAt: null } });
}
