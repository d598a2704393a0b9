import type PgBoss from "pg-boss";
import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { ensureQueue, logJobs, startBoss, stopBoss } from "@/lib/core/jobs/boss";
import { JobPayloadError, parseJobPayload } from "@/lib/core/jobs/job-payload";
import { JOB_DEFINITIONS } from "@/lib/jobs/registry";

/**
 * Background jobs of this process (pg-boss on the app's PostgreSQL). The app server calls
 * `startJobs` after it listens and `stopJobs` on shutdown; with JOBS_ENABLED=false it does neither
 * (the process still sends jobs). The jobs are listed in lib/jobs/registry.ts.
 */
export async function startJobs(
  definitions: readonly JobDefinition[] = JOB_DEFINITIONS,
): Promise<void> {
  await startBoss({ workers: true, setup: (boss) => registerWorkers(boss, definitions) });
}

/** Graceful: running jobs get up to 20 s to finish; their markers stay for the next run otherwise. */
export async function stopJobs(): Promise<void> {
  await stopBoss();
}

async function registerWorkers(boss: PgBoss, definitions: readonly JobDefinition[]) {
  for (const definition of definitions) await ensureQueue(boss, definition);
  for (const definition of definitions) {
    const o = definition.options;
    if (o.cron) await boss.schedule(definition.name, o.cron, {}, { tz: "UTC" });
    for (let i = 0; i < (o.concurrency ?? 1); i++) {
      await boss.work<object>(
        definition.name,
        {
          batchSize: 1,
          pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
        },
        async ([job]) => {
          if (job) await runJob(boss, definition, job);
        },
      );
    }
  }
}

/**
 * Runs one job: its payload is parsed by the definition's schema first. A malformed payload fails
 * the job at once with a JobPayloadError naming each bad field (stored as the job's output), and
 * is not retried: the same data would fail the same way.
 */
export async function runJob(
  boss: PgBoss,
  definition: JobDefinition,
  job: { id: string; data: unknown; retryCount: number },
): Promise<void> {
  let payload: unknown;
  try {
    payload = parseJobPayload(definition, job.data ?? {}, job.id);
  } catch (error) {
    if (error instanceof JobPayloadError) {
      logJobs(error.message);
      await boss
        .getDb()
        .executeSql(
          `UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`,
          [definition.name, job.id],
        )
        .catch((e: unknown) => logJobs("could not stop the retries of a malformed job", e));
    }
    throw error;
  }
  await definition.handler(payload, {
    id: job.id,
    retryCount: job.retryCount,
    retryLimit: definition.options.retryLimit ?? 3,
  });
}
