import type { Db } from "@/lib/core/db/client";
import { LATE_CLICK_DAYS } from "@/lib/domains/tracking/click-writer";

/** Days a share-day's visit set is kept: past LATE_CLICK_DAYS, when clicks are recounted instead. */
export const SHARE_VISIT_DAYS = LATE_CLICK_DAYS + 5;

/**
 * Deletes the visit sets (ShareVisit) of days older than SHARE_VISIT_DAYS, in chunks so one run
 * never holds a long lock: the click writer counts a click that late as a recount of its day
 * (RollupDirty.recountClicks), which rebuilds the set from ClickEvent. Returns the rows deleted.
 */
export async function cleanupShareVisits(
  db: Db,
  now: Date = new Date(),
  { chunk = 50_000 }: { chunk?: number } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - SHARE_VISIT_DAYS * 86_400_000);
  const day = cutoff.toISOString().slice(0, 10);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "ShareVisit" WHERE ctid = ANY (ARRAY(
        SELECT ctid FROM "ShareVisit" WHERE "day" < ${day}::date LIMIT ${chunk}::int))`;
    total += deleted;
    if (deleted < chunk) return total;
  }
}
