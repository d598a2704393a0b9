import type { Db } from "@/lib/core/db/client";

/**
 * Forgets the daily visitor salts older than two days: without its salt a visitor key can no
 * longer be linked to an address and user agent, even by someone holding the database.
 */
export async function cleanupVisitorSalts(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 2 * 86_400_000);
  const { count } = await db.visitorSalt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
