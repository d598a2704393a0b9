/**
 * For tests that need what only a real PostgreSQL server has: several sessions working at the same
 * time (true concurrency, a row or table lock that makes another session wait), backends that can be
 * terminated, connections that can be cut. The embedded PGlite has ONE session shared by every
 * connection (scripts/db/embedded-postgres.ts serialises transactions), so there such tests can
 * only pass by taking turns: they are skipped there with `EMBEDDED_SKIP_REASON`, and run whenever
 * the run's database is a server (TEST_DATABASE_URL; CI sets it).
 */
import pg from "pg";
import { inspectServer } from "@/scripts/db/engine";

export const EMBEDDED_SKIP_REASON =
  "needs a real PostgreSQL server (set TEST_DATABASE_URL, as CI does): the embedded PGlite runs " +
  "one session at a time, so concurrent calls only take turns there and cannot race";

const known = new Map<string, Promise<boolean>>();

/** True when `url` (default: this worker's DATABASE_URL) is a real PostgreSQL server, not PGlite. */
export function isRealServer(url = process.env.DATABASE_URL): Promise<boolean> {
  if (!url) return Promise.resolve(false);
  let answer = known.get(url);
  if (!answer) {
    answer = inspectServer(url).then((info) => !info.isPGlite);
    known.set(url, answer);
  }
  return answer;
}

/**
 * The server URL new test databases are made on (TEST_DATABASE_URL, else DATABASE_URL) when it is
 * a real PostgreSQL server; null on an embedded run.
 */
export async function realServerUrl(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
  return url && (await isRealServer(url)) ? url : null;
}

export interface RaceResult<T> {
  results: PromiseSettledResult<T>[];
  /** Most contenders seen waiting for a lock at the same moment (each on its own connection). */
  waitingAtOnce: number;
}

/**
 * Makes `contenders` calls really race on a server. A barrier transaction on its own connection
 * takes `lockSql` (a lock every contender needs at the step that decides the race, e.g.
 * `LOCK TABLE "Conversion" IN SHARE MODE` holds back every INSERT but no read); then every call is
 * started at once. The barrier is released only once all of them are waiting for a lock at the same
 * time, in one of the `waitingIn` statements — in pg_stat_activity, each on its own backend — so
 * they are all past their checks and in flight together when it lifts. Throws when that never happens (the calls did not run
 * concurrently, e.g. a pool too small or a database that serialises sessions).
 */
export async function raceBehindLock<T>({
  url = process.env.DATABASE_URL!,
  lockSql,
  lockParams = [],
  contenders,
  waitingIn,
  call,
  timeoutMs = 15_000,
}: {
  url?: string;
  lockSql: string;
  lockParams?: unknown[];
  contenders: number;
  /**
   * SQL LIKE patterns of the statements that decide the race (e.g. `%INSERT INTO "Conversion"%`):
   * only backends waiting in one of them count, not a contender that waits a moment on some
   * unrelated row on its way there.
   */
  waitingIn: string[];
  call: (i: number) => Promise<T>;
  timeoutMs?: number;
}): Promise<RaceResult<T>> {
  const barrier = new pg.Client({ connectionString: url });
  barrier.on("error", () => {});
  await barrier.connect();
  // A session of its own watches: inside the barrier's transaction pg_stat_activity would be the
  // snapshot taken at its first read.
  const monitor = new pg.Client({ connectionString: url });
  monitor.on("error", () => {});
  await monitor.connect();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await barrier.query("COMMIT").catch(() => {});
  };
  try {
    const { rows } = await barrier.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const barrierPid = rows[0]!.pid;
    await barrier.query("BEGIN");
    await barrier.query(lockSql, lockParams);
    const calls = Array.from({ length: contenders }, (_, i) => call(i));
    const settled = Promise.allSettled(calls);
    let waitingAtOnce = 0;
    const deadline = Date.now() + timeoutMs;
    while (waitingAtOnce < contenders) {
      const { rows: waiting } = await monitor.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock'
           AND query LIKE ANY($2::text[])`,
        [barrierPid, waitingIn],
      );
      waitingAtOnce = Math.max(waitingAtOnce, waiting[0]!.n);
      if (waitingAtOnce >= contenders) break;
      if (Date.now() > deadline) {
        const { rows: seen } = await monitor.query<{ line: string }>(
          `SELECT concat_ws(' | ', state, wait_event_type, wait_event, left(query, 120)) AS line
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1
             AND pid <> pg_backend_pid()`,
          [barrierPid],
        );
        await release();
        await settled;
        throw new Error(
          `Only ${waitingAtOnce} of ${contenders} calls were ever waiting for the lock at the same ` +
            `time: they did not run concurrently, so nothing raced. Sessions seen:\n` +
            seen.map((r) => `  ${r.line}`).join("\n"),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await release();
    return { results: await settled, waitingAtOnce };
  } finally {
    await release();
    await barrier.end().catch(() => {});
    await monitor.end().catch(() => {});
  }
}

/** The values of fulfilled results; throws the first rejection (a contender that crashed). */
export function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
