import type PgBoss from "pg-boss";

/**
 * Every background queue of the app, in one list: `startJobs` creates each queue, registers its
 * cron schedule (if any) and starts a worker. Add scheduled posts, e-mails… here.
 */
export interface JobQueue {
  name: string;
  /**
   * pg-boss queue policy. "stately": at most one job waiting and one running — repeated
   * requests while one waits collapse into it (a natural debounce).
   */
  policy: PgBoss.QueuePolicy;
  /** Cron expression (UTC) that sends a job on a schedule. */
  cron?: string;
  /** How often an idle worker looks for work. */
  pollingIntervalSeconds?: number;
  /** A job running longer than this is considered failed and retried. */
  expireInSeconds?: number;
  run: () => Promise<void>;
}

export const ANALYTICS_ROLLUP = "analytics-rollup";
export const VISITOR_SALT_CLEANUP = "visitor-salt-cleanup";

export const QUEUES: JobQueue[] = [
  {
    name: ANALYTICS_ROLLUP,
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 1,
    expireInSeconds: 15 * 60,
    run: async () => {
      const [{ drainDirtyRollups }, { getDb }] = await Promise.all([
        import("@/lib/analytics/rollup"),
        import("@/lib/db/client"),
      ]);
      // Bounded, so a huge backlog (a rebuild) never outlives the job's expiry; the next run
      // (every minute) goes on where this one stopped.
      await drainDirtyRollups(getDb(), { limit: 1000, maxMs: 5 * 60_000 });
    },
  },
  {
    name: VISITOR_SALT_CLEANUP,
    policy: "stately",
    cron: "17 3 * * *",
    pollingIntervalSeconds: 60,
    expireInSeconds: 5 * 60,
    run: async () => {
      const [{ cleanupVisitorSalts }, { getDb }] = await Promise.all([
        import("@/lib/jobs/cleanup-visitor-salts"),
        import("@/lib/db/client"),
      ]);
      await cleanupVisitorSalts(getDb());
    },
  },
];
