import type PgBoss from "pg-boss";
import { EXTRA_QUEUES } from "@/lib/jobs/extra-queues";

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
  /** Retries of a failed job (default 3), the first after `retryDelay` s, doubling with backoff. */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Jobs a worker runs at once (each job is still one call of `run`). */
  concurrency?: number;
  /**
   * Runs one job. Throwing fails the attempt: pg-boss retries it per the settings above, and after
   * the last retry the job stays in pg-boss's tables as failed (visible and retryable).
   */
  run: (data: Record<string, unknown>, job: { id: string; retryCount: number }) => Promise<void>;
}

export const ANALYTICS_ROLLUP = "analytics-rollup";
export const VISITOR_SALT_CLEANUP = "visitor-salt-cleanup";

const CORE_QUEUES: JobQueue[] = [
  {
    name: ANALYTICS_ROLLUP,
    policy: "stately",
    cron: "* * * * *",
    pollingIntervalSeconds: 1,
    expireInSeconds: 15 * 60,
    run: async () => {
      const [{ drainDirtyRollups }, { getDb }] = await Promise.all([
        import("@/lib/domains/analytics/rollup"),
        import("@/lib/core/db/client"),
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
        import("@/lib/domains/tracking/cleanup-visitor-salts"),
        import("@/lib/core/db/client"),
      ]);
      await cleanupVisitorSalts(getDb());
    },
  },
];

/**
 * Queues of other domains live beside their code (lib/<domain>/*-queues.ts) and are listed here,
 * so this stays the one list of every queue the app runs.
 */
export const QUEUES: JobQueue[] = [...CORE_QUEUES, ...EXTRA_QUEUES];
