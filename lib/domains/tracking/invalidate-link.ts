import { db } from "@/lib/core/db/client";
import {
  emitLinkChangeLocally,
  LINK_CHANGE_CHANNEL,
  type LinkChange,
} from "@/lib/domains/tracking/link-events";

/**
 * Drops cached tracked-link look-ups everywhere: at once in this process, and in other app
 * instances through PostgreSQL NOTIFY (the link cache's TTL is the backstop where NOTIFY does not
 * reach, e.g. the embedded database).
 */
export async function invalidateLinks(change: LinkChange): Promise<void> {
  emitLinkChangeLocally(change);
  await db.$executeRaw`SELECT pg_notify(${LINK_CHANGE_CHANNEL}, ${JSON.stringify(change)})`;
}
