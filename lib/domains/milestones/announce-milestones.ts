import type { Db } from "@/lib/core/db/client";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";
import { createNotificationOnce } from "@/lib/domains/notifications/create-notification-once";
import {
  DAILY_MILESTONE_CAP,
  decideMilestones,
  MILESTONE_KIND_PREFIX,
  milestoneUrl,
  type Milestone,
} from "@/lib/domains/milestones/milestones";

interface ProgressRow {
  shareId: string;
  orgId: string;
  userId: string;
  timeZone: string;
  itemTitle: string;
  changed: boolean;
  visits: number;
  visitsBefore: number;
  conversions: number;
  conversionsBefore: number;
  recentVisits: boolean;
  visits_: number;
  signups: number;
  applications: number;
  hires: number;
  leads: number;
  opportunities: number;
  deals: number;
}

/** The database's clock: read it before a rollup run and pass it to `announceMilestones`. */
export async function rollupClock(db: Db): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`;
  return row!.now;
}

/**
 * Announces the moments that matter (milestones.ts) of the shares whose rollup rows a run recounted:
 * those with ShareDailyStats.updatedAt at or after `since` (the database's clock read before the
 * run; index on updatedAt). "Before" is what the share's untouched rows hold, so a share that had
 * 500 visits last month and gets one today announces nothing.
 *
 * Each milestone is created once (createNotificationOnce: kind per milestone, url per share), and a
 * person gets at most DAILY_MILESTONE_CAP of them per day in the organisation's time zone, the most
 * important first. What the cap skips is dropped, not queued: tomorrow it would be old news, and a
 * later run does not find it again (its rows are then "before"). Returns how many were created.
 */
export async function announceMilestones(
  db: Db,
  { since, now = new Date() }: { since: Date; now?: Date },
): Promise<{ created: number; skipped: number }> {
  const rows = await db.$queryRaw<ProgressRow[]>`
    WITH changed AS (
      SELECT DISTINCT d."shareId" FROM "ShareDailyStats" d WHERE d."updatedAt" >= ${since}
    ),
    people AS (
      SELECT DISTINCT sh."orgId", sh."membershipId"
      FROM changed c JOIN "Share" sh ON sh."id" = c."shareId"
    )
    SELECT sh."id" AS "shareId", sh."orgId", m."userId", o."timeZone", i."title" AS "itemTitle",
      (sh."id" IN (SELECT "shareId" FROM changed)) AS "changed",
      SUM(d."uniqueVisits")::int AS "visits",
      (COALESCE(SUM(d."uniqueVisits") FILTER (WHERE d."updatedAt" < ${since}), 0))::int AS "visitsBefore",
      SUM(d."conversions")::int AS "conversions",
      (COALESCE(SUM(d."conversions") FILTER (WHERE d."updatedAt" < ${since}), 0))::int AS "conversionsBefore",
      COALESCE(BOOL_OR(d."updatedAt" >= ${since} AND d."uniqueVisits" > 0
        AND d."day" >= (${now}::timestamptz AT TIME ZONE o."timeZone")::date - 1), false) AS "recentVisits",
      SUM(d."visits")::int AS "visits_", SUM(d."signups")::int AS "signups",
      SUM(d."applications")::int AS "applications", SUM(d."hires")::int AS "hires",
      SUM(d."leads")::int AS "leads", SUM(d."opportunities")::int AS "opportunities",
      SUM(d."deals")::int AS "deals"
    FROM people p
    JOIN "Share" sh ON sh."orgId" = p."orgId" AND sh."membershipId" = p."membershipId"
    JOIN "Membership" m ON m."id" = sh."membershipId" AND m."status" = 'ACTIVE'
    JOIN "Organization" o ON o."id" = sh."orgId"
    JOIN "ContentItem" i ON i."id" = sh."itemId"
    JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
    WHERE sh."status" IN ('SHARED', 'POSTED')
    GROUP BY sh."id", sh."orgId", m."userId", o."timeZone", i."title"`;

  // Per person: the best of each share's other shares, then the milestones of changed shares.
  const byPerson = new Map<string, ProgressRow[]>();
  for (const row of rows) {
    const key = `${row.orgId}:${row.userId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
  }
  let created = 0;
  let skipped = 0;
  for (const shares of byPerson.values()) {
    const milestones: Milestone[] = [];
    for (const row of shares) {
      if (!row.changed) continue;
      const otherBest = Math.max(0, ...shares.filter((s) => s !== row).map((s) => s.visits));
      const outcomes: Record<ConversionOutcome, number> = {
        VISIT: row.visits_,
        SIGNUP: row.signups,
        APPLICATION: row.applications,
        HIRE: row.hires,
        LEAD: row.leads,
        OPPORTUNITY: row.opportunities,
        DEAL: row.deals,
      };
      milestones.push(...decideMilestones({ ...row, outcomes, otherBest }));
    }
    if (milestones.length === 0) continue;
    milestones.sort((a, b) => b.priority - a.priority);
    const { orgId, userId, timeZone } = shares[0]!;
    const result = await createCapped(db, { orgId, userId, timeZone, now }, milestones);
    created += result.created;
    skipped += result.skipped;
  }
  return { created, skipped };
}

/** Creates the milestones in order until the person's daily cap is reached. */
async function createCapped(
  db: Db,
  person: { orgId: string; userId: string; timeZone: string; now: Date },
  milestones: Milestone[],
): Promise<{ created: number; skipped: number }> {
  const today = zonedDateKey(person.now, person.timeZone);
  const start = zonedLocalToDate(`${today}T00:00`, person.timeZone)!;
  return db.$transaction(async (tx) => {
    // One writer per person at a time, so two runs cannot both find room under the cap.
    const key = `impact-cap:${person.orgId}:${person.userId}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    let sent = await tx.notification.count({
      where: {
        orgId: person.orgId,
        userId: person.userId,
        kind: { startsWith: MILESTONE_KIND_PREFIX },
        createdAt: { gte: start },
      },
    });
    let created = 0;
    let skipped = 0;
    for (const m of milestones) {
      if (sent >= DAILY_MILESTONE_CAP) {
        skipped++;
        continue;
      }
      const id = await createNotificationOnce(
        {
          orgId: person.orgId,
          userId: person.userId,
          kind: m.kind,
          title: m.title,
          body: m.body,
          url: milestoneUrl(m.shareId),
        },
        {},
        tx,
      );
      if (id) {
        sent++;
        created++;
      }
    }
    return { created, skipped };
  });
}
