import { db } from "@/lib/core/db/client";
import { buildDigests, DIGEST_BATCH_SIZE } from "@/lib/domains/digests/build-digest";
import { queueEmails } from "@/lib/domains/email/queue-email";
import { digestEmail } from "@/lib/integrations/email/templates/digest";

/** ISO week of a date, e.g. "2026-W48" (the dedupe key of one member's digest). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Queues the weekly digest of every active member of every organisation (the `email-digest` cron
 * job) with dedupe key `digest:<membershipId>:<ISO week>`: a rerun of the job in the same week
 * queues nothing twice. Members who opted out are skipped here already.
 *
 * In batches of DIGEST_BATCH_SIZE members of one organisation, each in a fixed number of
 * statements whatever its size: the page of members, the dedupe keys already used, buildDigests,
 * one multi-row insert of the deliveries and one insert of their jobs (queueEmails).
 */
export async function queueWeeklyDigests(
  now = new Date(),
  { orgId, batchSize = DIGEST_BATCH_SIZE }: { orgId?: string; batchSize?: number } = {},
): Promise<{ queued: number; skipped: number }> {
  const week = isoWeek(now);
  let queued = 0;
  let skipped = 0;
  const orgs = await db.organization.findMany({
    where: orgId ? { id: orgId } : {},
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const org of orgs) {
    let cursor: string | undefined;
    for (;;) {
      const members = await db.membership.findMany({
        where: {
          orgId: org.id,
          status: "ACTIVE",
          user: { NOT: { emailOptOuts: { has: "digest" } } },
          ...(cursor ? { id: { gt: cursor } } : {}),
        },
        select: { id: true },
        orderBy: { id: "asc" },
        take: batchSize,
      });
      if (members.length === 0) break;
      cursor = members[members.length - 1]!.id;
      const result = await queueDigestBatch(
        org.id,
        members.map((m) => m.id),
        now,
        week,
      );
      queued += result.queued;
      skipped += result.skipped;
      if (members.length < batchSize) break;
    }
  }
  return { queued, skipped };
}

/**
 * One batch of the fan-out: the members of one organisation whose digest of `week` is not queued
 * yet get it. Throws when the jobs could not be sent (their deliveries are removed, so the job's
 * retry queues them again).
 */
export async function queueDigestBatch(
  orgId: string,
  membershipIds: string[],
  now: Date,
  week = isoWeek(now),
): Promise<{ queued: number; skipped: number }> {
  const keyOf = (id: string) => `digest:${id}:${week}`;
  const done = await db.emailDelivery.findMany({
    where: { dedupeKey: { in: membershipIds.map(keyOf) } },
    select: { dedupeKey: true },
  });
  const doneKeys = new Set(done.map((d) => d.dedupeKey));
  const todo = membershipIds.filter((id) => !doneKeys.has(keyOf(id)));
  const digests = await buildDigests(orgId, todo, now);
  const inputs = [...digests.values()].map((digest) => ({
    orgId,
    userId: digest.userId,
    to: digest.email,
    category: "digest" as const,
    ...digestEmail(digest),
    dedupeKey: keyOf(digest.membershipId),
  }));
  const { created, failed } = await queueEmails(inputs);
  if (failed.length) throw new Error(`Could not queue ${failed.length} weekly digests.`);
  return { queued: created.length, skipped: membershipIds.length - created.length };
}
