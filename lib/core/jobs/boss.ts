import PgBoss from "pg-boss";
import { env } from "@/lib/core/env";
import type { JobDefinition } from "@/lib/core/jobs/define-job";

/**
 * One pg-boss per process on the app's PostgreSQL (schema "pgboss"), kept on globalThis so hot
 * reload does not start a second one. A process that only sends jobs (JOBS_ENABLED=false, or
 * before the workers start) gets a boss without workers, schedules or maintenance on its first
 * `sendJob`. The worker start-up (lib/jobs/run-jobs.ts) calls `startBoss({ workers: true, setup })`
 * to replace it with one that supervises and runs the workers `setup` registers.
 */
interface BossState {
  boss: PgBoss;
  workers: boolean;
  ready: Promise<void>;
  /** Queues created (and updated) by this boss: once per queue and process. */
  queues: Map<string, Promise<void>>;
}

const g = globalThis as unknown as { chorusBoss?: BossState };

export function logJobs(message: string, error?: unknown) {
  console.error(`[jobs] ${message}`, error instanceof Error ? error.message : (error ?? ""));
}

export function startBoss({
  workers,
  setup,
}: {
  workers: boolean;
  setup?: (boss: PgBoss) => Promise<void>;
}): Promise<void> {
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
  boss.on("error", (error) => logJobs("error", error));
  const ready = (async () => {
    if (previous) await previous.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await boss.start();
    if (setup) await setup(boss);
  })();
  g.chorusBoss = { boss, workers, ready, queues: new Map() };
  ready.catch((error) => {
    logJobs("could not start", error);
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

/** The started boss of this process (a sending one unless the workers run). */
export async function getBoss(): Promise<PgBoss> {
  await startBoss({ workers: false });
  return g.chorusBoss!.boss;
}

/** pg-boss queue settings of a definition. */
export function queueOptions(definition: JobDefinition): PgBoss.Queue {
  const o = definition.options;
  return {
    name: definition.name,
    policy: o.policy ?? "standard",
    ...(o.expireInSeconds ? { expireInSeconds: o.expireInSeconds } : {}),
    retryLimit: o.retryLimit ?? 3,
    retryDelay: o.retryDelay ?? 5,
    retryBackoff: o.retryBackoff ?? false,
  };
}

/**
 * Creates the definition's queue, or updates it so retry settings changed in code take effect on
 * a database where it already exists (createQueue leaves an existing queue as it is). Once per
 * queue and boss.
 */
export function ensureQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  const state = g.chorusBoss;
  const known = state?.boss === boss ? state.queues : new Map<string, Promise<void>>();
  let done = known.get(definition.name);
  if (!done) {
    const options = queueOptions(definition);
    done = (async () => {
      await boss.createQueue(definition.name, options);
      await boss.updateQueue(definition.name, options);
    })();
    known.set(definition.name, done);
    done.catch(() => known.delete(definition.name));
  }
  return done;
}
