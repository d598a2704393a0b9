import { db, type Tx } from "@/lib/core/db/client";
import {
  createNotification,
  type NewNotification,
} from "@/lib/domains/notifications/create-notification";

/**
 * A notification unless the member already has one of the same kind for the same link since
 * `since` (one approval request per submission, one reminder per LinkedIn connection…). Jobs and
 * flows may call it again and again: an advisory lock per member, kind and link makes two callers
 * at the same moment take turns, so the second finds the first one's row. Returns the new id, or
 * null when there already was one.
 */
export async function createNotificationOnce(
  input: NewNotification & { url: string },
  { since = new Date(0) }: { since?: Date } = {},
  client?: Tx,
): Promise<string | null> {
  const run = async (tx: Tx) => {
    const key = `notification:${input.orgId}:${input.userId}:${input.kind}:${input.url}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    const already = await tx.notification.count({
      where: {
        orgId: input.orgId,
        userId: input.userId,
        kind: input.kind,
        url: input.url,
        createdAt: { gte: since },
      },
    });
    return already ? null : createNotification(input, tx);
  };
  return client ? run(client) : db.$transaction(run);
}
