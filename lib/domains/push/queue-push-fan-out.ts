import { db, getDb, type Db, type Tx } from "@/lib/core/db/client";
import { sendJob } from "@/lib/core/jobs/send-job";
import { pushCategoryOf } from "@/lib/domains/push/push-categories";
import { pushFanOutJob } from "@/lib/domains/push/jobs/push-fan-out";

export interface CreatedNotification {
  id: string;
  orgId: string;
  userId: string;
  kind: string;
}

/**
 * Called where bell notifications are created (lib/domains/notifications): when some of them have
 * a push category and their people have a subscribed device, sends the `push-fan-out` job. Given
 * a transaction, the job is inserted in it (it exists only if the notifications commit); given the
 * client, after the insert, and a failure to queue is logged, never thrown: the bell has it.
 */
export async function queuePushFanOut(
  client: Db | Tx,
  notifications: readonly CreatedNotification[],
): Promise<void> {
  const pushable = notifications.filter((n) => pushCategoryOf(n.kind) !== null);
  if (pushable.length === 0) return;
  const subscribed = await client.pushSubscription.findFirst({
    where: {
      OR: [...groupByOrg(pushable)].map(([orgId, userIds]) => ({
        orgId,
        userId: { in: userIds },
      })),
    },
    select: { id: true },
  });
  if (!subscribed) return;
  const payload = { notificationIds: pushable.map((n) => n.id) };
  if (isTransaction(client)) {
    await sendJob(pushFanOutJob, payload, { tx: client });
    return;
  }
  try {
    await sendJob(pushFanOutJob, payload);
  } catch (error) {
    console.error("[push] could not queue the push of new notifications", error);
  }
}

function groupByOrg(notifications: readonly CreatedNotification[]): Map<string, string[]> {
  const byOrg = new Map<string, string[]>();
  for (const n of notifications) byOrg.set(n.orgId, [...(byOrg.get(n.orgId) ?? []), n.userId]);
  return byOrg;
}

/** Anything but the process's client (or its proxy) is an interactive transaction. */
function isTransaction(client: Db | Tx): client is Tx {
  return client !== db && client !== getDb();
}
