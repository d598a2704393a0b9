import { logJobs } from "@/lib/core/jobs/boss";
import { sendJob } from "@/lib/core/jobs/send-job";
import { analyticsRollupJob } from "@/lib/domains/analytics/jobs/analytics-rollup";

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
      const id = await sendJob(analyticsRollupJob, {});
      return id !== null;
    })
    .catch((error: unknown) => {
      pending = null;
      logJobs("could not request a rollup", error);
      return false;
    });
  return pending;
}
