import type { Db, Tx } from "@/lib/core/db/client";
import { recountActivityPoints } from "@/lib/domains/recognition/recount-activity-points";
import { CLICK_COUNT_LOCK } from "@/lib/domains/tracking/click-writer";
import { Prisma } from "@/lib/generated/prisma/client";
import { droppedClickMonths } from "@/lib/domains/tracking/click-partitions";

/**
 * Daily rollups: one ShareDailyStats row per share and calendar day (in the organisation's time
 * zone), with the share's network copied onto it (clicks by network), and clicks, human clicks,
 * unique visits and conversions per outcome. Dashboards read only these rows, never raw events.
 *
 * Clicks are counted as they are written: the click writer (lib/domains/tracking/click-writer.ts)
 * adds each batch's clicks to its share-days' rows in the statement that inserts them, and unique
 * visits through the share-day's visit set (ShareVisit). Nothing re-reads a day's clicks, so a
 * viral link costs the same per click at its millionth click as at its first.
 *
 * Conversions are few: they are recounted. Writers (the click writer, the conversions API) mark
 * the share-day they touched in RollupDirty in the same transaction as their insert:
 *
 *   INSERT INTO "RollupDirty" ("shareId", "day") VALUES (…)
 *   ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"
 *
 * (DO UPDATE, not DO NOTHING: it locks an existing marker, see below.)
 *
 * `processDirtyRollups` takes a chunk of markers and, in one READ COMMITTED transaction:
 *   1. DELETEs the markers RETURNING them — picked FOR UPDATE SKIP LOCKED, so two instances never
 *      take the same marker and never wait on each other;
 *   2. recounts those share-days' conversions from Conversion into their rows (a new snapshot,
 *      after statement 1), leaving the click columns to the click writer, and removes rows left
 *      with nothing; then the points of those share-days (recountActivityPoints).
 * A marker with `recountClicks` (a time-zone change or repair — rebuildRollups —, clicks written
 * more than 30 days late, fixtures that insert ClickEvent rows directly) also recounts the day's
 * clicks from ClickEvent and rebuilds its visit set, holding CLICK_COUNT_LOCK exclusively (taken
 * before any marker is locked): click writers hold it shared, so no increment lands between the
 * recount's snapshot and its write.
 *
 * Why no conversion is ever lost, late or concurrent:
 *   - one committed before statement 2 starts is in its snapshot, so it is counted;
 *   - one whose transaction commits later also marks its share-day, and that marker survives:
 *     · if our DELETE got to the marker first, the writer's ON CONFLICT waits for our transaction
 *       (a row deleted by an uncommitted transaction still conflicts) and then inserts a new
 *       marker, so the next run recounts the day;
 *     · if the writer got to an existing marker first, DO UPDATE holds its row lock until the
 *       writer commits, so our SKIP LOCKED leaves that marker for the next run;
 *     · a brand-new marker of an uncommitted writer is invisible to us and stays.
 *   - if the recount fails, the transaction rolls back and the markers come back.
 * Lock order: a click writer locks its markers before its rows, and so does this job: no deadlock.
 */
export async function processDirtyRollups(
  db: Db,
  { limit = 1000 }: { limit?: number } = {},
): Promise<{ processed: number; upserted: number; deleted: number }> {
  return db.$transaction(
    async (tx) => {
      // A click recount waits for the writers in flight and holds new ones back until we commit.
      const [wanted] = await tx.$queryRaw<{ recount: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM "RollupDirty" WHERE "recountClicks") AS "recount"`;
      const mayRecount = wanted?.recount ?? false;
      if (mayRecount)
        await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(${CLICK_COUNT_LOCK}::bigint)`;
      // While the lock holds every click writer back, take recount markers only and few of them
      // (a time-zone change of a large organisation is recounted in many short transactions);
      // the other markers go in the runs without the lock.
      const take = mayRecount ? Math.min(limit, RECOUNT_CHUNK) : limit;
      const dropped = mayRecount ? await droppedClickMonths(tx) : new Set<string>();
      const picked = await tx.$queryRaw<{ shareId: string; day: string; recount: boolean }[]>`
        DELETE FROM "RollupDirty" r
        USING (
          SELECT "shareId", "day" FROM "RollupDirty"
          WHERE "recountClicks" = ${mayRecount}
          LIMIT ${take}::int FOR UPDATE SKIP LOCKED
        ) p
        WHERE r."shareId" = p."shareId" AND r."day" = p."day"
        RETURNING r."shareId", to_char(r."day", 'YYYY-MM-DD') AS "day", r."recountClicks" AS "recount"`;
      if (picked.length === 0) return { processed: 0, upserted: 0, deleted: 0 };
      const shareIds = picked.map((p) => p.shareId);
      const days = picked.map((p) => p.day);
      // A day of a month whose events the retention job dropped keeps its clicks: a recount
      // without them would zero it (a click that late lands in the default partition).
      const recounts = picked.map((p) => p.recount && holdsEvents(p.day, dropped));
      if (mayRecount && recounts.some(Boolean)) {
        await rebuildVisits(
          tx,
          picked.filter((_, i) => recounts[i]),
        );
      }
      const [result] = await tx.$queryRaw<{ upserted: number; deleted: number }[]>`
        WITH dirty AS (
          SELECT * FROM unnest(${shareIds}::text[], ${days}::date[], ${recounts}::boolean[])
            AS d("shareId", "day", "recount")
        ),
        target AS (
          SELECT d."shareId", d."day", d."recount", sh."orgId", sh."itemId", sh."membershipId",
            sh."network", upper(COALESCE(s."currency", 'EUR')) AS "currency",
            (d."day"::timestamp AT TIME ZONE o."timeZone") AS "start",
            ((d."day" + 1)::timestamp AT TIME ZONE o."timeZone") AS "end"
          FROM dirty d
          JOIN "Share" sh ON sh."id" = d."shareId"
          JOIN "Organization" o ON o."id" = sh."orgId"
          LEFT JOIN "OrgSettings" s ON s."orgId" = sh."orgId"
        ),
        clicks AS (
          SELECT t."shareId", t."day",
            COUNT(*)::int AS "clicks",
            COUNT(*) FILTER (WHERE NOT c."isBot")::int AS "humanClicks",
            COUNT(DISTINCT (c."visitorKey", floor(extract(epoch FROM c."at") / 3600)))
              FILTER (WHERE NOT c."isBot")::int AS "uniqueVisits"
          FROM target t
          JOIN "ClickEvent" c
            ON c."shareId" = t."shareId" AND c."at" >= t."start" AND c."at" < t."end"
          WHERE t."recount"
          GROUP BY t."shareId", t."day"
        ),
        conversions AS (
          SELECT t."shareId", t."day",
            COUNT(*)::int AS "conversions",
            COUNT(*) FILTER (WHERE v."outcome" = 'VISIT')::int AS "visits",
            COUNT(*) FILTER (WHERE v."outcome" = 'SIGNUP')::int AS "signups",
            COUNT(*) FILTER (WHERE v."outcome" = 'APPLICATION')::int AS "applications",
            COUNT(*) FILTER (WHERE v."outcome" = 'HIRE')::int AS "hires",
            COUNT(*) FILTER (WHERE v."outcome" = 'LEAD')::int AS "leads",
            COUNT(*) FILTER (WHERE v."outcome" = 'OPPORTUNITY')::int AS "opportunities",
            COUNT(*) FILTER (WHERE v."outcome" = 'DEAL')::int AS "deals",
            COALESCE(SUM(v."value") FILTER (
              WHERE v."currency" IS NULL OR upper(v."currency") = t."currency"), 0) AS "conversionValue"
          FROM target t
          JOIN "Conversion" v
            ON v."shareId" = t."shareId" AND v."occurredAt" >= t."start" AND v."occurredAt" < t."end"
          GROUP BY t."shareId", t."day"
        ),
        merged AS (
          SELECT t."shareId", t."day", t."recount", t."orgId", t."itemId", t."membershipId",
            t."network",
            COALESCE(c."clicks", 0) AS "clicks", COALESCE(c."humanClicks", 0) AS "humanClicks",
            COALESCE(c."uniqueVisits", 0) AS "uniqueVisits",
            COALESCE(v."conversions", 0) AS "conversions", COALESCE(v."visits", 0) AS "visits",
            COALESCE(v."signups", 0) AS "signups", COALESCE(v."applications", 0) AS "applications",
            COALESCE(v."hires", 0) AS "hires", COALESCE(v."leads", 0) AS "leads",
            COALESCE(v."opportunities", 0) AS "opportunities", COALESCE(v."deals", 0) AS "deals",
            COALESCE(v."conversionValue", 0) AS "conversionValue"
          FROM target t
          LEFT JOIN clicks c ON c."shareId" = t."shareId" AND c."day" = t."day"
          LEFT JOIN conversions v ON v."shareId" = t."shareId" AND v."day" = t."day"
        ),
        upserted AS (
          INSERT INTO "ShareDailyStats" ("shareId", "day", "orgId", "itemId", "membershipId", "network",
            "clicks", "humanClicks", "uniqueVisits", "conversions", "visits", "signups",
            "applications", "hires", "leads", "opportunities", "deals", "conversionValue",
            "updatedAt")
          SELECT m."shareId", m."day", m."orgId", m."itemId", m."membershipId", m."network",
            m."clicks", m."humanClicks", m."uniqueVisits", m."conversions", m."visits", m."signups",
            m."applications", m."hires", m."leads", m."opportunities", m."deals",
            m."conversionValue", now()
          FROM merged m
          WHERE m."clicks" > 0 OR m."conversions" > 0 OR EXISTS (
            SELECT 1 FROM "ShareDailyStats" x WHERE x."shareId" = m."shareId" AND x."day" = m."day")
          ORDER BY m."shareId", m."day"
          -- Click columns: the recount's when this marker asked for one (the writers wait on
          -- CLICK_COUNT_LOCK meanwhile), else the writers' own counts stay.
          ON CONFLICT ("shareId", "day") DO UPDATE SET
            "orgId" = EXCLUDED."orgId", "itemId" = EXCLUDED."itemId",
            "membershipId" = EXCLUDED."membershipId", "network" = EXCLUDED."network",
            "clicks" = CASE WHEN ${mayRecount} AND EXISTS (SELECT 1 FROM dirty d
              WHERE d."shareId" = EXCLUDED."shareId" AND d."day" = EXCLUDED."day" AND d."recount")
              THEN EXCLUDED."clicks" ELSE "ShareDailyStats"."clicks" END,
            "humanClicks" = CASE WHEN ${mayRecount} AND EXISTS (SELECT 1 FROM dirty d
              WHERE d."shareId" = EXCLUDED."shareId" AND d."day" = EXCLUDED."day" AND d."recount")
              THEN EXCLUDED."humanClicks" ELSE "ShareDailyStats"."humanClicks" END,
            "uniqueVisits" = CASE WHEN ${mayRecount} AND EXISTS (SELECT 1 FROM dirty d
              WHERE d."shareId" = EXCLUDED."shareId" AND d."day" = EXCLUDED."day" AND d."recount")
              THEN EXCLUDED."uniqueVisits" ELSE "ShareDailyStats"."uniqueVisits" END,
            "conversions" = EXCLUDED."conversions", "visits" = EXCLUDED."visits",
            "signups" = EXCLUDED."signups", "applications" = EXCLUDED."applications",
            "hires" = EXCLUDED."hires", "leads" = EXCLUDED."leads",
            "opportunities" = EXCLUDED."opportunities", "deals" = EXCLUDED."deals",
            "conversionValue" = EXCLUDED."conversionValue", "updatedAt" = now()
          RETURNING 1
        )
        SELECT (SELECT COUNT(*) FROM upserted)::int AS "upserted", 0 AS "deleted"`;
      // Rows left with nothing (conversions removed, or a recount found no click): a new snapshot
      // that sees the upsert. A writer's concurrent increment is re-checked (clicks = 0) first.
      const deleted = await tx.$executeRaw`
        DELETE FROM "ShareDailyStats" x
        USING unnest(${shareIds}::text[], ${days}::date[]) AS d("shareId", "day")
        WHERE x."shareId" = d."shareId" AND x."day" = d."day"
          AND x."clicks" = 0 AND x."conversions" = 0`;
      // Points for visits and outcomes of these share-days, from the rows just written.
      await recountActivityPoints(tx, shareIds, days);
      return { processed: picked.length, upserted: result?.upserted ?? 0, deleted };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Rebuilds the visit sets of share-days whose clicks are recounted (CLICK_COUNT_LOCK held). */
async function rebuildVisits(tx: Tx, shareDays: { shareId: string; day: string }[]) {
  const shareIds = shareDays.map((p) => p.shareId);
  const days = shareDays.map((p) => p.day);
  await tx.$executeRaw`
    DELETE FROM "ShareVisit" v
    USING unnest(${shareIds}::text[], ${days}::date[]) AS d("shareId", "day")
    WHERE v."shareId" = d."shareId" AND v."day" = d."day"`;
  await tx.$executeRaw`
    INSERT INTO "ShareVisit" ("shareId", "day", "hour", "visitorKey")
    SELECT DISTINCT c."shareId", d."day", floor(extract(epoch FROM c."at") / 3600)::int, c."visitorKey"
    FROM unnest(${shareIds}::text[], ${days}::date[]) AS d("shareId", "day")
    JOIN "Share" sh ON sh."id" = d."shareId"
    JOIN "Organization" o ON o."id" = sh."orgId"
    JOIN "ClickEvent" c ON c."shareId" = d."shareId"
      AND c."at" >= (d."day"::timestamp AT TIME ZONE o."timeZone")
      AND c."at" < ((d."day" + 1)::timestamp AT TIME ZONE o."timeZone")
    WHERE NOT c."isBot"
    ON CONFLICT DO NOTHING`;
}

/** Recount markers taken per transaction while click writers wait on CLICK_COUNT_LOCK. */
const RECOUNT_CHUNK = 200;

/**
 * Whether the click events of a local day (YYYY-MM-DD) are all kept: neither UTC month of the day
 * before or after it (a day spans at most those, in any zone) was dropped by the retention job.
 */
function holdsEvents(day: string, dropped: Set<string>): boolean {
  const at = Date.parse(`${day}T12:00:00Z`);
  return [at - 86_400_000, at + 86_400_000].every(
    (t) => !dropped.has(new Date(t).toISOString().slice(0, 7)),
  );
}

/**
 * Runs `processDirtyRollups` until no marker is left (or `maxMs` has passed: the job then leaves
 * the rest to its next run a minute later); returns how many share-days it recounted.
 */
export async function drainDirtyRollups(
  db: Db,
  { limit = 2000, maxMs = Infinity }: { limit?: number; maxMs?: number } = {},
): Promise<number> {
  const until = Date.now() + maxMs;
  let total = 0;
  for (;;) {
    const { processed } = await processDirtyRollups(db, { limit });
    total += processed;
    if (processed === 0 || Date.now() >= until) return total;
  }
}

/** SQL: the day's events are all kept (holdsEvents, for a date expression). */
function keptDay(day: Prisma.Sql, dropped: string[]): Prisma.Sql {
  return Prisma.sql`NOT (to_char(${day} - 1, 'YYYY-MM') = ANY(${dropped}::text[])
    OR to_char(${day} + 1, 'YYYY-MM') = ANY(${dropped}::text[]))`;
}

/**
 * Marks every share-day of an organisation for a recount of clicks and conversions: each day with
 * a click or a conversion (in the organisation's current time zone) and each existing rollup row
 * (so rows of days that no longer hold events — after a time-zone change — are recounted to nothing
 * and removed). Use after a time-zone change or to repair; the job then recounts them. Rollup rows
 * of months whose click events the retention job dropped (ClickMonthDropped) are left as they
 * are, with their conversions: a recount without their events would zero them.
 * Returns the number of markers.
 */
export async function rebuildRollups(db: Db | Tx, orgId: string): Promise<number> {
  const dropped = [...(await droppedClickMonths(db))];
  return db.$executeRaw`
    WITH org AS (SELECT "timeZone" FROM "Organization" WHERE "id" = ${orgId})
    INSERT INTO "RollupDirty" ("shareId", "day", "recountClicks")
    SELECT DISTINCT "shareId", "day", true FROM (
      SELECT c."shareId", (c."at" AT TIME ZONE org."timeZone")::date AS "day"
      FROM "Share" s JOIN "ClickEvent" c ON c."shareId" = s."id", org
      WHERE s."orgId" = ${orgId}
        AND ${keptDay(Prisma.sql`(c."at" AT TIME ZONE org."timeZone")::date`, dropped)}
      UNION
      SELECT v."shareId", (v."occurredAt" AT TIME ZONE org."timeZone")::date
      FROM "Conversion" v, org WHERE v."orgId" = ${orgId}
        AND ${keptDay(Prisma.sql`(v."occurredAt" AT TIME ZONE org."timeZone")::date`, dropped)}
      UNION
      SELECT d."shareId", d."day" FROM "ShareDailyStats" d
      WHERE d."orgId" = ${orgId} AND ${keptDay(Prisma.sql`d."day"`, dropped)}
    ) days
    ORDER BY 1, 2 -- the click writer's lock order: no deadlock with writers marking meanwhile
    ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = now(), "recountClicks" = true`;
}
