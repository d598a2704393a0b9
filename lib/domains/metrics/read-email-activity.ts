import { db } from "@/lib/core/db/client";

export interface EmailActivity {
  /** Emails sent in the minute before `now`. */
  sentLastMinute: number;
  /** Emails sent in (`since`, `until`]: what a counter adds between two scrapes. */
  sentBetween: number;
  /** Deliveries waiting to be sent (queued or retrying), and how old the oldest is. */
  pending: number;
  oldestPendingSeconds: number;
  /** Deliveries that gave up after their retries (until someone retries them). */
  failed: number;
}

/**
 * Email delivery activity from EmailDelivery, every count on the (status, sentAt) index: a minute
 * of sent rows, the window since the last scrape, and the PENDING and FAILED rows (few, unless
 * mail is failing — which is what these are for).
 */
export async function readEmailActivity({
  now,
  since,
  until,
}: {
  now: Date;
  since: Date;
  until: Date;
}): Promise<EmailActivity> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [sentLastMinute, sentBetween, pending, failed] = await Promise.all([
    db.emailDelivery.count({ where: { status: "SENT", sentAt: { gt: minuteAgo } } }),
    until > since
      ? db.emailDelivery.count({ where: { status: "SENT", sentAt: { gt: since, lte: until } } })
      : 0,
    db.emailDelivery.aggregate({
      where: { status: "PENDING" },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    db.emailDelivery.count({ where: { status: "FAILED" } }),
  ]);
  const oldest = pending._min.createdAt;
  return {
    sentLastMinute,
    sentBetween,
    pending: pending._count._all,
    oldestPendingSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    failed,
  };
}
