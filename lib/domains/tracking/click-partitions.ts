import type { Db, Tx } from "@/lib/core/db/client";

/**
 * Monthly partitions of ClickEvent (migration click_event_partitions): RANGE on "at", one partition
 * per UTC month named "ClickEvent_pYYYY_MM" covering [first of the month, first of the next), and
 * "ClickEvent_default" for anything else, so an insert never fails.
 *
 * `maintainClickPartitions` (daily job click-partitions) keeps them:
 *   1. creates the partitions of the current month and `monthsAhead` months ahead, and of every month
 *      that has rows in the default partition (clock skew, a late replay), moving those rows into
 *      the new partition in the same transaction: Postgres refuses to create a partition for a range
 *      the default partition holds rows for;
 *   2. drops the partitions entirely older than `retentionMonths` before the current month, but only
 *      when their days are final: no RollupDirty marker for a day they may hold (in any organisation's
 *      time zone). A partition with a marker left is skipped and retried the next day.
 * Dashboards read ShareDailyStats only, so dropping raw clicks changes no number they show.
 */

const PARTITION = /^ClickEvent_p(\d{4})_(\d{2})$/;
const DEFAULT_PARTITION = "ClickEvent_default";
/**
 * A partition's DDL waits at most this long for its lock, then fails (pg-boss retries the job): a
 * waiting ACCESS EXCLUSIVE request queues the click writer's inserts behind it, so it must be short
 * (the click path buffers, and spools if a write fails, so no click is lost meanwhile).
 */
const LOCK_TIMEOUT = "3s";

export interface ClickPartitionOptions {
  now?: Date;
  /** Months kept before the current one (CLICK_RETENTION_MONTHS). */
  retentionMonths: number;
  /** Partitions created ahead of the current month (default 3). */
  monthsAhead?: number;
}

export interface ClickPartitionReport {
  /** Partitions created, by name. */
  created: string[];
  /** Rows moved out of the default partition into new ones. */
  moved: number;
  dropped: string[];
  /** Old partitions kept because a day they may hold is still marked for the rollup. */
  skipped: string[];
}

/** First instant (UTC) of the month `offset` months from the month of `d`. */
function monthStart(d: Date, offset = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function partitionName(month: Date): string {
  return `ClickEvent_p${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month a partition name stands for, or null for a name we do not manage. */
export function partitionMonth(name: string): Date | null {
  const m = PARTITION.exec(name);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return new Date(Date.UTC(Number(m[1]), month - 1, 1));
}

/** The UTC months (YYYY-MM) whose click events the retention job dropped. */
export async function droppedClickMonths(db: Db | Tx): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT to_char("month", 'YYYY-MM') AS "month" FROM "ClickMonthDropped"`;
  return new Set(rows.map((r) => r.month));
}

/** Names of ClickEvent's partitions (the default one included). */
export async function listClickPartitions(db: Db | Tx): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT child.relname AS name
    FROM pg_inherits i
    JOIN pg_class child ON child.oid = i.inhrelid
    JOIN pg_class parent ON parent.oid = i.inhparent
    JOIN pg_namespace n ON n.oid = parent.relnamespace
    WHERE parent.relname = 'ClickEvent' AND n.nspname = current_schema()
    ORDER BY 1`;
  return rows.map((r) => r.name);
}

/**
 * Creates the partition of one UTC month, moving the rows the default partition holds for it, in
 * one transaction (a failure leaves everything as it was). No-op when it exists.
 */
export async function createClickPartition(
  db: Db,
  month: Date,
): Promise<{ created: boolean; moved: number }> {
  const start = monthStart(month);
  const end = monthStart(month, 1);
  const name = partitionName(start);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      // The default partition first: no click can land in it for this month between the move and
      // the attach (which checks the default holds none).
      await tx.$executeRawUnsafe(`LOCK TABLE "${DEFAULT_PARTITION}" IN ACCESS EXCLUSIVE MODE`);
      if ((await listClickPartitions(tx)).includes(name)) return { created: false, moved: 0 };
      await tx.$executeRawUnsafe(
        `CREATE TABLE "${name}" (LIKE "ClickEvent" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
      );
      const moved = await tx.$executeRawUnsafe(
        `WITH moved AS (
           DELETE FROM "${DEFAULT_PARTITION}" WHERE "at" >= $1 AND "at" < $2 RETURNING *
         )
         INSERT INTO "${name}" SELECT * FROM moved`,
        start,
        end,
      );
      // Attaching creates the parent's indexes (primary key, (shareId, at)) on the new partition.
      await tx.$executeRawUnsafe(
        `ALTER TABLE "ClickEvent" ATTACH PARTITION "${name}"
           FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
      );
      return { created: true, moved };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/**
 * Drops one month's partition if no RollupDirty marker is left for a day it may hold: an org-local
 * day overlaps a UTC month from the day before its first to its last plus one (time zones reach
 * ±14 h). Returns false (and changes nothing) when a marker is left.
 */
export async function dropClickPartition(db: Db, name: string): Promise<boolean> {
  const start = partitionMonth(name);
  if (!start) throw new Error(`Not a monthly ClickEvent partition: ${name}`);
  const end = monthStart(start, 1);
  const firstDay = new Date(start.getTime() - 86_400_000);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      // The parent exclusively first (DETACH needs it anyway): from here no writer reaches the
      // partition, so a marker committed before is seen below, and a click for this month arriving
      // later waits, then goes to the default partition.
      await tx.$executeRawUnsafe(`LOCK TABLE ONLY "ClickEvent" IN ACCESS EXCLUSIVE MODE`);
      if (!(await listClickPartitions(tx)).includes(name)) return false;
      const [pending] = await tx.$queryRaw<{ n: number }[]>`
        SELECT COUNT(*)::int AS n FROM "RollupDirty"
        WHERE "day" >= ${isoDay(firstDay)}::date AND "day" <= ${isoDay(end)}::date`;
      if (pending!.n > 0) return false;
      await tx.$executeRawUnsafe(`ALTER TABLE "ClickEvent" DETACH PARTITION "${name}"`);
      await tx.$executeRawUnsafe(`DROP TABLE "${name}"`);
      // Recounts must leave this month's rollups alone from now on (lib/domains/analytics/rollup.ts).
      await tx.$executeRaw`
        INSERT INTO "ClickMonthDropped" ("month") VALUES (${isoDay(start)}::date)
        ON CONFLICT ("month") DO NOTHING`;
      return true;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/** The daily maintenance: partitions ahead and for rows in the default one, then retention. */
export async function maintainClickPartitions(
  db: Db,
  { now = new Date(), retentionMonths, monthsAhead = 3 }: ClickPartitionOptions,
): Promise<ClickPartitionReport> {
  const report: ClickPartitionReport = { created: [], moved: 0, dropped: [], skipped: [] };
  const cutoff = monthStart(now, -retentionMonths);

  const stray = await db.$queryRawUnsafe<{ month: Date }[]>(
    `SELECT DISTINCT date_trunc('month', "at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
     FROM "${DEFAULT_PARTITION}" ORDER BY 1`,
  );
  const months = new Map<string, Date>();
  for (let i = 0; i <= monthsAhead; i++) {
    const m = monthStart(now, i);
    months.set(partitionName(m), m);
  }
  for (const { month } of stray) months.set(partitionName(month), monthStart(month));
  const existing = new Set(await listClickPartitions(db));
  for (const [name, month] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    if (existing.has(name)) continue;
    const { created, moved } = await createClickPartition(db, month);
    if (created) report.created.push(name);
    report.moved += moved;
  }

  const old = (await listClickPartitions(db))
    .map((name) => ({ name, month: partitionMonth(name) }))
    .filter((p): p is { name: string; month: Date } => p.month !== null)
    .filter((p) => monthStart(p.month, 1) <= cutoff);
  for (const { name } of old) {
    if (await dropClickPartition(db, name)) report.dropped.push(name);
    else report.skipped.push(name);
  }
  return report;
}
