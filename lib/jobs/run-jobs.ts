import { startBoss, stopBoss } from "@/lib/jobs/boss";

/**
 * Background jobs of this process (pg-boss on the app's PostgreSQL). The app server calls
 * `startJobs` after it listens and `stopJobs` on shutdown; with JOBS_ENABLED=false it does neither.
 * The queues and their schedules are listed in lib/jobs/queues.ts.
 */
export async function startJobs(): Promise<void> {
  await startBoss({ workers: true });
}

/** Graceful: running jobs get up to 20 s to finish; their markers stay for the next run otherwise. */
export async function stopJobs(): Promise<void> {
  await stopBoss();
}

export { requestRollup } from "@/lib/jobs/boss";
