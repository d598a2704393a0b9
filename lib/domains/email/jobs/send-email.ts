import { z } from "zod";
import { env } from "@/lib/core/env";
import { defineJob } from "@/lib/core/jobs/define-job";
import type { EmailCategory } from "@/lib/domains/email/categories";

/** Attempts of one delivery before it is FAILED: 1 + EMAIL_RETRY_LIMIT. */
export const EMAIL_RETRY_LIMIT = 5;

/**
 * Account emails (password reset links, password changed) are urgent: they go ahead of whatever
 * is waiting in the queue, such as the invitations of a 1,000-row import (pg-boss fetches higher
 * priorities first). Given per send (`queueEmail` with category "account").
 */
export const URGENT_EMAIL_PRIORITY = 10;

/**
 * Emails someone is waiting for at a time they chose (share-later reminders) come next: a reminder
 * set for 18:00 must not wait behind a bulk import's invitations. Everything else is 0.
 */
export const TIMELY_EMAIL_PRIORITY = 5;

/** The pg-boss priority of an email's job, by its category. */
export function emailPriority(category: EmailCategory | (string & {})): number {
  if (category === "account") return URGENT_EMAIL_PRIORITY;
  if (category === "reminder") return TIMELY_EMAIL_PRIORITY;
  return 0;
}

/**
 * Delivers EmailDeliveries: the row holds no body, so the job carries the content. Each of the
 * EMAIL_CONCURRENCY workers fetches up to EMAIL_BATCH_SIZE jobs at once (highest priority first, so
 * a password reset queued behind 10,000 invitations goes out with the next batch) and sends them
 * over the pooled SMTP connections (SMTP_POOL_SIZE); a job that fails is retried on its own. One
 * job at a time was ~1 email/s (a worker waits out its polling interval after each fetch).
 */
export const sendEmailJob = defineJob({
  name: "email-send",
  schema: z.object({
    deliveryId: z.string().min(1),
    text: z.string(),
    html: z.string(),
  }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 5 * 60,
    // 1 + 5 attempts over ~10 minutes: 20 s, 40 s, 80 s, 160 s, 320 s.
    retryLimit: EMAIL_RETRY_LIMIT,
    retryDelay: 20,
    retryBackoff: true,
    concurrency: () => env().EMAIL_CONCURRENCY,
    batchSize: () => env().EMAIL_BATCH_SIZE,
  },
  async handler(payload, job) {
    const { sendDelivery } = await import("@/lib/domains/email/send-delivery");
    await sendDelivery(payload, job);
  },
  async handleBatch(jobs) {
    const { sendDeliveries } = await import("@/lib/domains/email/send-delivery");
    const results = await sendDeliveries(jobs.map(({ payload, job }) => ({ data: payload, job })));
    return new Map(
      results.flatMap((result, i) => (result.error ? [[jobs[i]!.job.id, result.error]] : [])),
    );
  },
});

/** What an email-send job carries. */
export type EmailJobData = z.infer<typeof sendEmailJob.schema>;
