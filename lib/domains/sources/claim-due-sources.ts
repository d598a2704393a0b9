import { db } from "@/lib/core/db/client";

/** How long a claimed source waits before the sweep may claim it again (its poll resets it). */
const LEASE_MINUTES = 10;

/**
 * The enabled sources whose next poll is due, claimed: their next poll moves a lease ahead so the
 * next sweep does not send them again while their poll job waits or runs (the poll then sets the
 * real next time). A source two sweeps race for is claimed by one (the update re-checks the time).
 */
export async function claimDueSources(now = new Date(), limit = 100) {
  const due = await db.contentSource.findMany({
    where: { enabled: true, nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: limit,
    select: { id: true, orgId: true },
  });
  const claimed: { id: string; orgId: string }[] = [];
  for (const source of due) {
    const { count } = await db.contentSource.updateMany({
      where: { id: source.id, enabled: true, nextPollAt: { lte: now } },
      data: { nextPollAt: new Date(now.getTime() + LEASE_MINUTES * 60_000) },
    });
    if (count === 1) claimed.push(source);
  }
  return claimed;
}
