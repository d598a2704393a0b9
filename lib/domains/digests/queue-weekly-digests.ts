import { db } from "@/lib/core/db/client";
import { buildDigest } from "@/lib/domains/digests/build-digest";
import { queueEmail } from "@/lib/domains/email/queue-email";
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
 * job), one `queueEmail` each with dedupe key `digest:<membershipId>:<ISO week>`: a rerun of the
 * job in the same week queues nothing twice. Members who opted out are skipped here already.
 */
export async function queueWeeklyDigests(
  now = new Date(),
  { orgId }: { orgId?: string } = {},
): Promise<{ queued: number; skipped: number }> {
  const week = isoWeek(now);
  let queued = 0;
  let skipped = 0;
  let cursor: string | undefined;
  for (;;) {
    const members = await db.membership.findMany({
      where: {
        status: "ACTIVE",
        ...(orgId ? { orgId } : {}),
        user: { NOT: { emailOptOuts: { has: "digest" } } },
      },
      select: { id: true, orgId: true },
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (members.length === 0) break;
    cursor = members[members.length - 1]!.id;
    for (const m of members) {
      const digest = await buildDigest(m.orgId, m.id, now);
      if (!digest) {
        skipped++;
        continue;
      }
      const result = await queueEmail({
        orgId: m.orgId,
        userId: digest.userId,
        to: digest.email,
        category: "digest",
        ...digestEmail(digest),
        dedupeKey: `digest:${m.id}:${week}`,
      });
      if (result.created) queued++;
      else skipped++;
    }
  }
  return { queued, skipped };
}
