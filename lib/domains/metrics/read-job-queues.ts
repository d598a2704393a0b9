import { db } from "@/lib/core/db/client";

export interface JobQueueRow {
  queue: string;
  /** created, retry or active. */
  state: string;
  jobs: number;
}

export interface JobQueues {
  /** Every queue pg-boss knows (so an empty queue reports 0 rather than nothing). */
  queues: string[];
  /** Jobs not finished, by queue and state. */
  depth: JobQueueRow[];
  /** Seconds the oldest job due to run has waited, by queue (0 when none waits). */
  oldestWaitingSeconds: Map<string, number>;
  /** Jobs that failed for good (retries exhausted) in the last hour, by queue. */
  failedLastHour: Map<string, number>;
}

/**
 * The job queues as pg-boss's own tables hold them (schema "pgboss"), so the numbers are right
 * whichever process runs the workers. Bounded: pg-boss moves finished jobs to its archive after
 * 12 hours, so these read at most half a day of jobs; null before pg-boss has created its tables.
 */
export async function readJobQueues(): Promise<JobQueues | null> {
  const [{ ready }] = await db.$queryRaw<[{ ready: boolean }]>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.queue') IS NOT NULL AS ready`;
  if (!ready) return null;
  const [queues, open, failed] = await Promise.all([
    db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue ORDER BY name`,
    db.$queryRaw<{ name: string; state: string; jobs: number; oldest: number | null }[]>`
      SELECT name, state::text AS state, count(*)::int AS jobs,
        EXTRACT(EPOCH FROM now() - min(start_after) FILTER (WHERE start_after <= now()))::float8 AS oldest
      FROM pgboss.job
      WHERE state < 'completed'
      GROUP BY name, state`,
    db.$queryRaw<{ name: string; jobs: number }[]>`
      SELECT name, count(*)::int AS jobs
      FROM pgboss.job
      WHERE state = 'failed' AND completed_on > now() - interval '1 hour'
      GROUP BY name`,
  ]);
  const oldestWaitingSeconds = new Map<string, number>();
  for (const row of open) {
    if (row.state === "active" || row.oldest === null) continue;
    const seconds = Math.max(row.oldest, oldestWaitingSeconds.get(row.name) ?? 0);
    oldestWaitingSeconds.set(row.name, seconds);
  }
  return {
    queues: queues.map((q) => q.name),
    depth: open.map((row) => ({ queue: row.name, state: row.state, jobs: row.jobs })),
    oldestWaitingSeconds,
    failedLastHour: new Map(failed.map((row) => [row.name, row.jobs])),
  };
}
