/**
 * Unique visits: a human visitor counts once per share per hour. The hour is an hour of UTC
 * time (floor(epoch seconds / 3600)), so the rule does not depend on a time zone; the SQL of the
 * rollup (lib/domains/analytics/rollup.ts) uses the same bucket:
 *   COUNT(DISTINCT ("visitorKey", floor(extract(epoch from "at") / 3600))) FILTER (WHERE NOT "isBot")
 * Visitor keys are per-day salted hashes (the click path), so a visitor's key also changes daily.
 */

const HOUR_MS = 3_600_000;

/** The bucket a click falls in: the same visitor within the same hour is one visit. */
export function uniqueVisitBucket(visitorKey: string, at: Date): string {
  return `${visitorKey}|${Math.floor(at.getTime() / HOUR_MS)}`;
}

export interface VisitEvent {
  /** Counted per share; omit when all events belong to one share. */
  shareId?: string;
  visitorKey: string;
  at: Date;
  isBot: boolean;
}

/** Human visits counted once per share, visitor and hour. Bots never count. */
export function countUniqueVisits(events: Iterable<VisitEvent>): number {
  const seen = new Set<string>();
  for (const e of events) {
    if (e.isBot) continue;
    seen.add(`${e.shareId ?? ""}|${uniqueVisitBucket(e.visitorKey, e.at)}`);
  }
  return seen.size;
}
