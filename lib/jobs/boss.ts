import PgBoss from "pg-boss";
import { env } from "@/lib/core/env";
import { ANALYTICS_ROLLUP, QUEUES } from "@/lib/jobs/queues";

/**
 * One pg-boss per process on the app's PostgreSQL (schema "pgboss"), kept on globalThis so hot
 * reload does not start a second one. `startBoss({ workers: true })` creates the queues, their
 * cron schedules and workers; a process that only sends jobs (JOBS_ENABLED=false) gets a boss
 * without workers, schedules or maintenance on first `requestRollup`.
 */
interface BossState {
  boss: PgBoss;
  workers: boolean;
  ready: Promise<void>;
}

const g = globalThis as unknown as { chorusBoss?: BossState };

function log(message: string, error?: unknown) {
  console.error(`[jobs] ${message}`, error instanceof Error ? error.message : (error ?? ""));
}

export function startBoss({ workers }: { workers: boolean }): Promise<void> {
  if (g.chorusBoss && (g.chorusBoss.workers || !workers)) return g.chorusBoss.ready;
  const previous = g.chorusBoss;
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: jobs need the app's database.");
  const boss = new PgBoss({
    connectionString: DATABASE_URL,
    max: workers ? 3 : 1,
    schema: "pgboss",
    application_name: "chorus-jobs",
    ...(workers ? {} : { supervise: false, schedule: false }),
  });
  boss.on("error", (error) => log("error", error));
  const ready = (async () => {
    if (previous) await previous.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await boss.start();
    for (const q of QUEUES) {
      const options: PgBoss.Queue = {
        name: q.name,
        policy: q.policy,
        ...(q.expireInSeconds ? { expireInSeconds: q.expireInSeconds } : {}),
        retryLimit: q.retryLimit ?? 3,
        retryDelay: q.retryDelay ?? 5,
        retryBackoff: q.retryBackoff ?? false,
      };
      // createQueue leaves an existing queue as it is: update it so retry settings changed in
      // code take effect on a database where the queue already exists.
      await boss.createQueue(q.name, options);
      await boss.updateQueue(q.name, options);
    }
    if (!workers) return;
    for (const q of QUEUES) {
      if (q.cron) await boss.schedule(q.name, q.cron, {}, { tz: "UTC" });
      for (let i = 0; i < (q.concurrency ?? 1); i++) {
        await boss.work<Record<string, unknown>>(
          q.name,
          {
            batchSize: 1,
            pollingIntervalSeconds: q.pollingIntervalSeconds ?? 2,
            includeMetadata: true,
          },
          async ([job]) => {
            if (!job) return;
            await q.run(job.data ?? {}, { id: job.id, retryCount: job.retryCount });
          },
        );
      }
    }
  })();
  g.chorusBoss = { boss, workers, ready };
  ready.catch((error) => {
    log("could not start", error);
    if (g.chorusBoss?.boss === boss) g.chorusBoss = undefined;
  });
  return ready;
}

/** Stops the boss gracefully: running jobs finish (up to `timeout` ms), then connections close. */
export async function stopBoss(timeout = 20_000): Promise<void> {
  const state = g.chorusBoss;
  if (!state) return;
  g.chorusBoss = undefined;
  await state.ready.catch(() => undefined);
  await state.boss.stop({ graceful: true, wait: true, timeout });
}

let pending: Promise<boolean> | null = null;

/**
 * Asks for a rollup run soon (after new clicks or conversions). Calls within 250 ms share one
 * request, and the "stately" queue keeps at most one waiting job, so this is cheap to call often.
 * The every-minute schedule catches anything this misses. Resolves false when no job was sent
 * (one is already waiting).
 */
export function requestRollup(): Promise<boolean> {
  pending ??= new Promise<boolean>((resolve) => setTimeout(resolve, 250))
    .then(async () => {
      pending = null;
      await startBoss({ workers: false });
      const id = await g.chorusBoss!.boss.send(ANALYTICS_ROLLUP, {});
      return id !== null;
    })
    .catch((error: unknown) => {
      pending = null;
      log("could not request a rollup", error);
      return false;
    });
  return pending;
}

/**
 * Sends a job to one of the app's queues (from any process: a boss without workers is started on
 * demand). Returns the job id, or null when the queue's policy refused it (e.g. a singleton).
 */
export async function sendJob(
  name: string,
  data: Record<string, unknown>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  await startBoss({ workers: false });
  return g.chorusBoss!.boss.send(name, data, options);
}

/** Cancels a job that has not run yet (e.g. a scheduled post the person called off). */
export async function cancelJob(name: string, id: string): Promise<void> {
  await startBoss({ workers: false });
  await g.chorusBoss!.boss.cancel(name, id);
}
