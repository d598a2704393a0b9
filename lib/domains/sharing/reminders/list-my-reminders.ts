import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { reminderPath } from "@/lib/domains/sharing/reminders/reminder-link";

/** How long a sent, unshared reminder stays in the list. */
const SENT_VISIBLE_DAYS = 14;

/**
 * The caller's open reminders, soonest first: waiting ones, and sent ones not shared yet (from
 * the last two weeks), each with its one-tap link.
 */
export async function listMyReminders(access: Access, now = new Date()) {
  const rows = await db.shareReminder.findMany({
    where: {
      orgId: access.orgId,
      membershipId: access.membershipId,
      OR: [
        { status: "PENDING" },
        {
          status: "SENT",
          sentAt: { gte: new Date(now.getTime() - SENT_VISIBLE_DAYS * 86_400_000) },
        },
      ],
    },
    orderBy: { remindAt: "asc" },
    take: 50,
    select: {
      id: true,
      itemId: true,
      network: true,
      status: true,
      remindAt: true,
      item: { select: { title: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    itemTitle: r.item.title,
    network: r.network,
    status: r.status,
    remindAt: r.remindAt.toISOString(),
    url: reminderPath(r.itemId, r.id),
  }));
}

export type MyReminder = Awaited<ReturnType<typeof listMyReminders>>[number];
