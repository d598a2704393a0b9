import type pg from "pg";
import type { ClickEvent } from "@/lib/tracking/click-event";

/**
 * Writes one batch of clicks in ONE statement (a multi-row INSERT … SELECT from the batch as one
 * JSON parameter — about ten times faster than Prisma's createMany) and, in the same statement,
 * marks each share-day it touched for the rollup job (day = calendar day in the organisation's
 * time zone).
 *
 * - The organisation comes from the share (never from the event), and events of shares deleted
 *   meanwhile are dropped by the join.
 * - `ON CONFLICT (id) DO NOTHING` makes a replay of the same batch (after an error whose outcome was
 *   unknown, or a spool file read twice) idempotent.
 * - The rollup mark refreshes `markedAt`, so a rollup that read the mark before these clicks can
 *   tell that it must recount (share-days are sorted so concurrent writers lock them in one order).
 * Returns the number of click rows inserted.
 */
export async function writeClicks(
  client: Pick<pg.Pool, "query">,
  events: ClickEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  // One JSON parameter: JSON.stringify is native and ~2.5× cheaper on the event loop than
  // serialising eight parallel arrays for unnest() (measured: 0.5 vs 1.3 ms per 1,000 clicks).
  const { rows } = await client.query<{ inserted: string }>(INSERT_CLICKS, [
    JSON.stringify(events),
  ]);
  return Number(rows[0]?.inserted ?? 0);
}

const INSERT_CLICKS = `
WITH v AS (
  SELECT * FROM json_to_recordset($1::json) AS v(
    "id" text, "shareId" text, "at" float8, "isBot" boolean, "visitorKey" text, "device" text,
    "browser" text, "referrerHost" text)
), ins AS (
  INSERT INTO "ClickEvent"
    ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
  SELECT v."id", s."orgId", v."shareId", to_timestamp(v."at" / 1000.0), v."isBot", v."visitorKey",
         v."device", v."browser", left(v."referrerHost", 255)
  FROM v JOIN "Share" s ON s."id" = v."shareId"
  ON CONFLICT ("id") DO NOTHING
  RETURNING "orgId", "shareId", "at"
), marks AS (
  INSERT INTO "RollupDirty" ("shareId", "day", "markedAt")
  SELECT d."shareId", d.day, now()
  FROM (
    SELECT DISTINCT ins."shareId", (ins."at" AT TIME ZONE o."timeZone")::date AS day
    FROM ins JOIN "Organization" o ON o."id" = ins."orgId"
  ) d
  ORDER BY d."shareId", d.day
  ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM marks) AS marked`;

/**
 * Whether a failed write may succeed later (database down, restarting, overloaded, deadlock, a
 * share deleted between join and insert): then the batch is kept and retried. Other errors
 * (malformed data, an invalid time zone…) would fail forever and set the batch aside instead.
 */
export function isRetryableWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return true; // network, timeout
  return (
    code.startsWith("08") || // connection exception
    code.startsWith("40") || // serialization failure, deadlock
    code.startsWith("53") || // insufficient resources
    code.startsWith("57") || // operator intervention: admin shutdown, cannot connect now
    code.startsWith("58") || // system error
    code === "23503" || // share deleted after the join saw it
    code === "55P03" || // lock not available
    code === "XX000"
  );
}
