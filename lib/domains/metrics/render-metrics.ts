import { metricsState, scrapeCounter, scrapeGauge } from "@/lib/core/metrics/registry";
import { readClickBacklog, type ClickBacklog } from "@/lib/domains/tracking/read-click-backlog";
import { readEmailActivity, type EmailActivity } from "@/lib/domains/metrics/read-email-activity";
import { readJobQueues, type JobQueues } from "@/lib/domains/metrics/read-job-queues";

/** Sent rows are counted once their sentAt is this old: a send committing late is not missed. */
const EMAIL_COUNT_LAG_MS = 30_000;

/** The end of the window the email counter has counted up to (null before the first scrape). */
let emailCountedUntil: Date | null = null;
let refreshing: Promise<void> | null = null;

/**
 * The Prometheus text of this instance: its request metrics and Node process metrics, plus what
 * is read at scrape time — the click backlog, the job queues (pg-boss's tables) and email activity
 * (EmailDelivery). A part that cannot be read (database down) is left out and reported by
 * `chorus_scrape_part_up`, so the rest (the click spool, above all) still answers.
 */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  // Concurrent scrapes share one refresh: the email counter must count each window once.
  refreshing ??= refreshScrapedMetrics().finally(() => (refreshing = null));
  await refreshing;
  const { registry } = metricsState();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

async function refreshScrapedMetrics(): Promise<void> {
  const now = new Date();
  const until = new Date(now.getTime() - EMAIL_COUNT_LAG_MS);
  const since = emailCountedUntil ?? until;
  const [clicks, jobs, email] = await Promise.allSettled([
    readClickBacklog(),
    readJobQueues(),
    readEmailActivity({ now, since, until }),
  ]);
  const up = scrapeGauge(
    "chorus_scrape_part_up",
    "1 when this part of the scrape-time metrics could be read (clicks, jobs, email), else 0",
    ["part"],
  );
  up.set({ part: "clicks" }, Number(clicks.status === "fulfilled"));
  up.set({ part: "jobs" }, Number(jobs.status === "fulfilled"));
  up.set({ part: "email" }, Number(email.status === "fulfilled"));
  if (clicks.status === "fulfilled") setClickGauges(clicks.value);
  if (jobs.status === "fulfilled" && jobs.value) setJobGauges(jobs.value);
  if (email.status === "fulfilled") {
    setEmailGauges(email.value);
    emailCountedUntil = until;
  }
  for (const failed of [clicks, jobs, email]) {
    if (failed.status === "rejected")
      console.warn("[metrics] a part could not be read:", failed.reason);
  }
}

function setClickGauges(backlog: ClickBacklog): void {
  scrapeGauge(
    "chorus_click_buffer_depth",
    "Clicks held in this instance's memory, not yet written to the database",
  ).set(backlog.buffered);
  scrapeGauge(
    "chorus_click_spool_files",
    "Click batches in the spool directory waiting for a replay (the database was unreachable)",
  ).set(backlog.spool.files);
  scrapeGauge("chorus_click_spool_bytes", "Bytes of the click batches waiting in the spool").set(
    backlog.spool.bytes,
  );
  scrapeGauge(
    "chorus_click_spool_dead_files",
    "Click batches set aside in the spool because they can never be written",
  ).set(backlog.spool.dead);
}

function setJobGauges(jobs: JobQueues): void {
  const depth = scrapeGauge(
    "chorus_job_queue_depth",
    "Background jobs not finished, by queue and state (created, retry, active)",
    ["queue", "state"],
  );
  const oldest = scrapeGauge(
    "chorus_job_oldest_waiting_seconds",
    "Age of the oldest job due to run and not yet picked up, by queue (0: none waiting)",
    ["queue"],
  );
  const failed = scrapeGauge(
    "chorus_job_failures_last_hour",
    "Jobs that failed for good (retries exhausted) in the last hour, by queue",
    ["queue"],
  );
  // Set all at once after reading: a queue or state that emptied out shows 0, not a stale value.
  depth.reset();
  oldest.reset();
  failed.reset();
  for (const queue of jobs.queues) {
    for (const state of ["created", "retry", "active"]) depth.set({ queue, state }, 0);
    oldest.set({ queue }, jobs.oldestWaitingSeconds.get(queue) ?? 0);
    failed.set({ queue }, jobs.failedLastHour.get(queue) ?? 0);
  }
  for (const row of jobs.depth) depth.set({ queue: row.queue, state: row.state }, row.jobs);
}

function setEmailGauges(email: EmailActivity): void {
  scrapeGauge(
    "chorus_email_sent_last_minute",
    "Emails sent in the last minute (all instances)",
  ).set(email.sentLastMinute);
  scrapeCounter(
    "chorus_email_sent_total",
    "Emails sent (all instances) since this instance started counting, 30 s behind: use rate(), and max() across instances",
  ).inc(email.sentBetween);
  scrapeGauge(
    "chorus_email_pending",
    "Email deliveries waiting to be sent (queued or retrying)",
  ).set(email.pending);
  scrapeGauge(
    "chorus_email_pending_oldest_seconds",
    "Age of the oldest email delivery waiting to be sent (0: none)",
  ).set(email.oldestPendingSeconds);
  scrapeGauge(
    "chorus_email_failed",
    "Email deliveries that gave up after their retries (until an admin retries them)",
  ).set(email.failed);
}
