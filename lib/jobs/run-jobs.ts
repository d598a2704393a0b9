import type PgBoss from "pg-boss";
import { resolveJobOption, type JobDefinition } from "@/lib/core/jobs/define-job";
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
    const batchSize = resolveJobOption(o.batchSize, 1);
    const concurrency = resolveJobOption(o.concurrency, 1);
    for (let i = 0; i < concurrency; i++) {
      await boss.work<object>(
        definition.name,
        {
          batchSize,
          pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
        },
        async (jobs) => {
          if (definition.handleBatch && batchSize > 1) await runBatch(boss, definition, jobs);
          else if (jobs.length === 1) await runJob(boss, definition, jobs[0]!);
          else await runOneByOne(boss, definition, jobs);
        },
      );
    }
  }
}

interface FetchedJob {
  id: string;
  data: unknown;
  retryCount: number;
}

/**
 * A batch for a definition with `handleBatch`: malformed payloads fail on their own (no retries),
 * the rest go to the batch handler in one call, and each job it reports failed is failed by id
 * (`boss.fail`), so only that job is retried. pg-boss completes the others when this returns
 * (its completion only touches jobs still active). A handler that throws fails the whole batch.
 */
export async function runBatch(boss: PgBoss, definition: JobDefinition, jobs: FetchedJob[]) {
  const parsed = [];
  for (const job of jobs) {
    try {
      parsed.push({ payload: parseJobPayload(definition, job.data ?? {}, job.id), job });
    } catch (error) {
      if (!(error instanceof JobPayloadError)) throw error;
      await failMalformed(boss, definition, job.id, error);
    }
  }
  if (parsed.length === 0) return;
  const retryLimit = definition.options.retryLimit ?? 3;
  const failures = await definition.handleBatch!(
    parsed.map(({ payload, job }) => ({
      payload,
      job: { id: job.id, retryCount: job.retryCount, retryLimit },
    })),
  );
  for (const [id, error] of failures) await boss.fail(definition.name, id, error);
}

/** A batch for a definition without `handleBatch`: one handler call per job, failed one by one. */
async function runOneByOne(boss: PgBoss, definition: JobDefinition, jobs: FetchedJob[]) {
  for (const job of jobs) {
    try {
      await runJob(boss, definition, job);
    } catch (error) {
      await boss.fail(definition.name, job.id, error instanceof Error ? error : { value: error });
    }
  }
}

/** A malformed payload fails its job at once, output naming each bad field, and is not retried. */
async function failMalformed(
  boss: PgBoss,
  definition: JobDefinition,
  id: string,
  error: JobPayloadError,
) {
  logJobs(error.message);
  await boss
    .getDb()
    .executeSql(
      `UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`,
      [definition.name, id],
    )
    .catch((e: unknown) => logJobs("could not stop the retries of a malformed job", e));
  await boss.fail(definition.name, id, error);
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
