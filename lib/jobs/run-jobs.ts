/**
 * Background jobs of this process (pg-boss on the app's PostgreSQL). The app server calls
 * `startJobs` after it listens and `stopJobs` on shutdown; with JOBS_ENABLED=false it does neither.
 */
export async function startJobs(): Promise<void> {
  // Filled in by the analytics rollup work (lib/jobs/boss.ts).
}

export async function stopJobs(): Promise<void> {}
