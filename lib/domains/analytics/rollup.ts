import type { Db, Tx } from "@/lib/core/db/client";
import { recountActivityPoints } from "@/lib/domains/recognition/recount-activity-points";

/**
 * Daily rollups: one ShareDailyStats row per share and calendar day (in the organisation's time
 * zone) with clicks, human clicks, unique visits and conversions per outcome. Dashboards read
 * only these rows, never raw click events.
 *
 * Writers (the click path, the conversions API) mark the share-day they touched in RollupDirty
 * in the same transaction as their insert:
 *
 *   INSERT INTO "RollupDirty" ("shareId", "day") VALUES (…)
 *   ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"
 *
 * (DO UPDATE, not DO NOTHING: it locks an existing marker, see below.)
 *
 * `processDirtyRollups` takes a chunk of markers and recounts exactly those share-days from the
 * raw events, in one READ COMMITTED transaction of two statements:
 *
 *   1. DELETE the markers RETURNING them — picked FOR UPDATE SKIP LOCKED, so two instances never
 *      take the same marker and never wait on each other;
 *   2. recount those share-days from ClickEvent and Conversion and upsert ShareDailyStats (or
 *      delete the row when everything is 0). Statement 2 takes a new snapshot, after statement 1.
 *
 * Why no event is ever lost, late or concurrent:
 *   - an event committed before statement 2 starts is in its snapshot, so it is counted;
 *   - an event whose transaction commits later also marks its share-day, and that marker survives:
 *     · if our DELETE got to the marker first, the writer's ON CONFLICT waits for our transaction
 *       (a row deleted by an uncommitted transaction still conflicts) and then inserts a new
 *       marker, so the next run recounts the day;
 *     · if the writer got to an existing marker first, DO UPDATE holds its row lock until the
 *       writer commits, so our SKIP LOCKED leaves that marker for the next run;
 *     · a brand-new marker of an uncommitted writer is invisible to us and stays.
 *   - if the recount fails, the transaction rolls back and the markers come back.
 * A late event (a click or conversion for a day already rolled up, e.g. a conversion reported a
 * week later) simply marks that old day again; the next run recounts the whole share-day, so the
 * result is always equal to a recount from scratch — never an increment that could drift.
 */
export async function processDirtyRollups(
  db: Db,
  { limit = 1000 }: { limit?: number } = {},
): Promise<{ processed: number; upserted: number; deleted: number }> {
  return db.$transaction(
    async (tx) => {
      const picked = await tx.$queryRaw<{ shareId: string; day: string }[]>`
        DELETE FROM "RollupDirty" r
        USING (
          SELECT "shareId", "day" FROM "RollupDirty" LIMIT ${limit}::int FOR UPDATE SKIP LOCKED
        ) p
        WHERE r."shareId" = p."shareId" AND r."day" = p."day"
        RETURNING r."shareId", to_char(r."day", 'YYYY-MM-DD') AS "day"`;
      if (picked.length === 0) return { processed: 0, upserted: 0, deleted: 0 };
      const shareIds = picked.map((p) => p.shareId);
      const days = picked.map((p) => p.day);
      const [result] = await tx.$queryRaw<{ upserted: number; deleted: number }[]>`
        WITH dirty AS (
          SELECT * FROM unnest(${shareIds}::text[], ${days}::date[]) AS d("shareId", "day")
        ),
        target AS (
          SELECT d."shareId", d."day", sh."orgId", sh."itemId", sh."membershipId",
            upper(COALESCE(s."currency", 'EUR')) AS "currency",
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
          SELECT t."shareId", t."day", t."orgId", t."itemId", t."membershipId",
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
          INSERT INTO "ShareDailyStats" ("shareId", "day", "orgId", "itemId", "membershipId",
            "clicks", "humanClicks", "uniqueVisits", "conversions", "visits", "signups",
            "applications", "hires", "leads", "opportunities", "deals", "conversionValue",
            "updatedAt")
          SELECT "shareId", "day", "orgId", "itemId", "membershipId", "clicks", "humanClicks",
            "uniqueVisits", "conversions", "visits", "signups", "applications", "hires", "leads",
            "opportunities", "deals", "conversionValue", now()
          FROM merged WHERE "clicks" > 0 OR "conversions" > 0
          ON CONFLICT ("shareId", "day") DO UPDATE SET
            "orgId" = EXCLUDED."orgId", "itemId" = EXCLUDED."itemId",
            "membershipId" = EXCLUDED."membershipId", "clicks" = EXCLUDED."clicks",
            "humanClicks" = EXCLUDED."humanClicks", "uniqueVisits" = EXCLUDED."uniqueVisits",
            "conversions" = EXCLUDED."conversions", "visits" = EXCLUDED."visits",
            "signups" = EXCLUDED."signups", "applications" = EXCLUDED."applications",
            "hires" = EXCLUDED."hires", "leads" = EXCLUDED."leads",
            "opportunities" = EXCLUDED."opportunities", "deals" = EXCLUDED."deals",
            "conversionValue" = EXCLUDED."conversionValue", "updatedAt" = now()
          RETURNING 1
        ),
        emptied AS (
          DELETE FROM "ShareDailyStats" x USING merged m
          WHERE x."shareId" = m."shareId" AND x."day" = m."day"
            AND m."clicks" = 0 AND m."conversions" = 0
          RETURNING 1
        )
        SELECT (SELECT COUNT(*) FROM upserted)::int AS "upserted",
          (SELECT COUNT(*) FROM emptied)::int AS "deleted"`;
      // Points for visits and outcomes of these share-days, from the rows just recounted.
      await recountActivityPoints(tx, shareIds, days);
      return { processed: picked.length, ...(result ?? { upserted: 0, deleted: 0 }) };
    },
    { timeout: 120_000, maxWait: 30_000 },
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

/**
 * Marks every share-day of an organisation dirty: each day with a click or a conversion (in the
 * organisation's current time zone) and each existing rollup row (so rows of days that no longer
 * hold events — after a time-zone change — are recounted to nothing and removed). Use after a
 * time-zone change or to repair; the job then recounts them. Returns the number of markers.
 */
export async function rebuildRollups(db: Db | Tx, orgId: string): Promise<number> {
  return db.$executeRaw`
    WITH org AS (SELECT "timeZone" FROM "Organization" WHERE "id" = ${orgId})
    INSERT INTO "RollupDirty" ("shareId", "day")
    SELECT DISTINCT "shareId", "day" FROM (
      SELECT c."shareId", (c."at" AT TIME ZONE org."timeZone")::date AS "day"
      FROM "Share" s JOIN "ClickEvent" c ON c."shareId" = s."id", org WHERE s."orgId" = ${orgId}
      UNION
      SELECT v."shareId", (v."occurredAt" AT TIME ZONE org."timeZone")::date
      FROM "Conversion" v, org WHERE v."orgId" = ${orgId}
      UNION
      SELECT d."shareId", d."day" FROM "ShareDailyStats" d WHERE d."orgId" = ${orgId}
    ) days
    ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = now()`;
}
