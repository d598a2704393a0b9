/**
 * The background-job worker (`npm run worker`; `npm start` spawns it next to the app server when
 * JOBS_ENABLED is on): pg-boss workers and schedules of lib/jobs/registry.ts in a process of their
 * own, so a rollup, an email batch or a digest never takes the event loop that answers tracked
 * links and pages. Any number of workers may run against one database (pg-boss hands each job to
 * one of them; schedules fire once).
 *
 * SIGTERM/SIGINT: stop fetching, let running jobs finish (≤ 20 s; a job cut short is retried by
 * pg-boss), exit 0.
 */
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { processConfig } from "./process-config";

const log = (line: string) => console.log(`[chorus] ${line}`);

processConfig("DATABASE_URL is not set: the worker needs the app's database.");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`worker ${signal}: finishing running jobs…`);
  await stopJobs().catch((e: unknown) => console.error("[chorus] jobs:", e));
  log("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

startJobs().then(
  () => log("background jobs running (worker process)"),
  (error: unknown) => {
    console.error(
      "[chorus] could not start the background jobs:",
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  },
);
